#include "cleanup/step.h"

#include <cstdio>

#include "cleanup/opencv_image.h"

namespace facteur::cleanup {

void OptionReader::Read(const char* key, bool& value) {
  known_.insert(key);
  if (!status_.ok()) return;
  auto v = settings_.Bool(key, value);
  if (!v) {
    status_ = v.error();
  } else {
    value = *v;
  }
}

void OptionReader::Read(const char* key, double& value, double lo, double hi) {
  known_.insert(key);
  if (!status_.ok()) return;
  auto v = settings_.Double(key, value);
  if (!v) {
    status_ = v.error();
  } else if (!(*v >= lo && *v <= hi)) {
    char msg[160];
    std::snprintf(msg, sizeof msg, ": %s: expected %g..%g", key, lo, hi);
    status_ = settings_.Error(stage_ + msg);
  } else {
    value = *v;
  }
}

void OptionReader::Read(const char* key, int& value, int lo, int hi) {
  double d = value;
  Read(key, d, lo, hi);
  value = static_cast<int>(d);
}

Status OptionReader::Finish() {
  if (!status_.ok()) return status_;
  for (const std::string& key : settings_.Keys()) {
    if (known_.count(key) == 0) return settings_.Error(stage_ + ": unknown setting '" + key + "'");
  }
  return Status::OK();
}

Image& OcrCopy(Page& page) {
  if (page.ocr_image.empty()) {
    page.ocr_image = FromMat(GrayMat(page.image), page.image.dpi_x(), page.image.dpi_y());
  }
  return page.ocr_image;
}

cv::Mat OcrGray(Page& page) { return page.ocr_image.empty() ? GrayMat(page.image) : View(page.ocr_image); }

void Note(Page& page, const char* stage, const char* format, ...) {
  char text[256];
  va_list args;
  va_start(args, format);
  std::vsnprintf(text, sizeof text, format, args);
  va_end(args);
  page.notes.push_back(std::string(stage) + ": " + text);
}

}  // namespace facteur::cleanup
