#include "import/pdf_image_survey.h"

#include <exception>

// qpdf 11: use std::shared_ptr, not the deprecated PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

namespace facteur::import {

std::vector<PageImages> SurveyPdfImages(const std::string& path, const std::string& password) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processFile(path.c_str(), password.empty() ? nullptr : password.c_str());
    std::vector<PageImages> result;
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
      PageImages info;
      try {
        page.forEachImage(true, [&](QPDFObjectHandle& obj, QPDFObjectHandle&, std::string const&) {
          QPDFObjectHandle dict = obj.getDict();
          QPDFObjectHandle w = dict.getKey("/Width"), h = dict.getKey("/Height");
          if (!w.isInteger() || !h.isInteger()) return;
          const int64_t iw = w.getIntValue(), ih = h.getIntValue();
          if (iw <= 0 || ih <= 0) return;
          ++info.count;
          // Compare areas in double: hostile sizes may overflow int64.
          if (static_cast<double>(iw) * ih > static_cast<double>(info.largest_w) * info.largest_h) {
            info.largest_w = iw;
            info.largest_h = ih;
          }
        });
      } catch (const std::exception&) {
        // A damaged resource dictionary: keep what was found on this page.
      }
      result.push_back(info);
    }
    return result;
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace facteur::import
