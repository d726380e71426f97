// Test-only: what a PDF shows, read with poppler-cpp, to check files written
// by the OCR and output stages.
#ifndef FACTEUR_TESTS_TESTING_PDF_TEXT_H_
#define FACTEUR_TESTS_TESTING_PDF_TEXT_H_

#include <string>
#include <vector>

namespace facteur::testing {

struct PdfPageInfo {
  std::string text;     // UTF-8 text layer
  double width_pt = 0;  // media box, points
  double height_pt = 0;
};

// One entry per page; empty when poppler cannot open `path`.
std::vector<PdfPageInfo> ReadPdfPages(const std::string& path);

// Lower-cases ASCII letters, for case-blind "contains" checks.
std::string Lower(std::string text);

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_TESTING_PDF_TEXT_H_
