// Lists the raster images each PDF page draws (qpdf), which poppler-cpp cannot
// do: PdfImporter uses them to choose a render resolution and to refuse
// decompression bombs (a 35000x35000 CCITT image in 11 KB) before poppler
// decodes them.
#ifndef FACTEUR_IMPORT_PDF_IMAGE_SURVEY_H_
#define FACTEUR_IMPORT_PDF_IMAGE_SURVEY_H_

#include <cstdint>
#include <string>
#include <vector>

namespace facteur::import {

struct PageImages {
  int64_t largest_w = 0;  // pixel size of the page's largest image (by area),
  int64_t largest_h = 0;  // including images inside form XObjects; 0 = none
  int count = 0;
};

// One entry per page in page order, or an empty vector when qpdf cannot read
// the file (the caller then renders without this information). Never throws;
// qpdf's warnings are suppressed.
std::vector<PageImages> SurveyPdfImages(const std::string& path, const std::string& password);

}  // namespace facteur::import

#endif  // FACTEUR_IMPORT_PDF_IMAGE_SURVEY_H_
