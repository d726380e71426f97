#include "testing/pdf_text.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <cctype>
#include <memory>

namespace facteur::testing {

std::vector<PdfPageInfo> ReadPdfPages(const std::string& path) {
  std::vector<PdfPageInfo> out;
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc) return out;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    PdfPageInfo info;
    if (page) {
      const auto utf8 = page->text().to_utf8();
      info.text.assign(utf8.begin(), utf8.end());
      info.width_pt = page->page_rect().width();
      info.height_pt = page->page_rect().height();
    }
    out.push_back(info);
  }
  return out;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace facteur::testing
