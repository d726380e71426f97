#include "import/page_util.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <opencv2/imgproc.hpp>

namespace facteur::import {

Status CheckPixelLimit(int64_t width, int64_t height, const ImportOptions& options) {
  if (width <= 0 || height <= 0) {
    return Status::Corrupt("invalid page size " + std::to_string(width) + "x" +
                           std::to_string(height));
  }
  // Guard the product against overflow before comparing.
  if (width > options.max_pixels / height + 1 || width * height > options.max_pixels) {
    return Status::Unsupported(std::to_string(width) + "x" + std::to_string(height) +
                               " pixels exceeds the limit of " +
                               std::to_string(options.max_pixels) + " (import.max_pixels)");
  }
  return Status::OK();
}

bool PlausibleDpi(double dpi) { return std::isfinite(dpi) && dpi >= 20 && dpi <= 10000; }

bool SettleDpi(double* xdpi, double* ydpi, const ImportOptions& options) {
  if (!PlausibleDpi(*xdpi)) *xdpi = 0;
  if (!PlausibleDpi(*ydpi)) *ydpi = 0;
  if (*xdpi == 0) *xdpi = *ydpi;
  if (*ydpi == 0) *ydpi = *xdpi;
  if (*xdpi != 0) return true;
  *xdpi = *ydpi = options.fallback_dpi;
  return false;
}

bool NonSquare(double xdpi, double ydpi) {
  if (xdpi <= 0 || ydpi <= 0) return false;
  return std::fabs(xdpi - ydpi) > 0.02 * std::max(xdpi, ydpi);
}

void NormalisedSize(int width, int height, int orientation, double xdpi, double ydpi,
                    const ImportOptions& options, int64_t* out_w, int64_t* out_h) {
  int64_t w = width, h = height;
  if (orientation >= 5 && orientation <= 8) {
    std::swap(w, h);
    std::swap(xdpi, ydpi);
  }
  if (options.normalise_fax && NonSquare(xdpi, ydpi)) {
    h = std::llround(static_cast<double>(h) * xdpi / ydpi);
  }
  *out_w = w;
  *out_h = h;
}

void ApplyOrientation(int orientation, cv::Mat& mat) {
  cv::Mat out;
  switch (orientation) {
    case 2:
      cv::flip(mat, out, 1);
      break;
    case 3:
      cv::rotate(mat, out, cv::ROTATE_180);
      break;
    case 4:
      cv::flip(mat, out, 0);
      break;
    case 5:
      cv::transpose(mat, out);
      break;
    case 6:
      cv::rotate(mat, out, cv::ROTATE_90_CLOCKWISE);
      break;
    case 7:
      cv::transpose(mat, out);
      cv::flip(out, out, -1);
      break;
    case 8:
      cv::rotate(mat, out, cv::ROTATE_90_COUNTERCLOCKWISE);
      break;
    default:
      return;  // 1 or out of range: stored order is upright
  }
  mat = out;
}

std::string FormatDpi(double dpi) {
  char buf[32];
  if (std::fabs(dpi - std::round(dpi)) < 0.05) {
    std::snprintf(buf, sizeof buf, "%.0f", dpi);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f", dpi);
  }
  return buf;
}

std::string NormaliseFax(cv::Mat& mat, double xdpi, double ydpi, bool bilevel) {
  const int new_h = static_cast<int>(std::lround(mat.rows * xdpi / ydpi));
  const int interp = new_h < mat.rows ? cv::INTER_AREA : cv::INTER_LINEAR;
  cv::Mat out;
  cv::resize(mat, out, cv::Size(mat.cols, std::max(1, new_h)), 0, 0, interp);
  if (bilevel) cv::threshold(out, out, 127, 255, cv::THRESH_BINARY);
  mat = out;
  return "import: fax " + FormatDpi(xdpi) + "x" + FormatDpi(ydpi) + " -> " + FormatDpi(xdpi) + "x" +
         FormatDpi(xdpi) + " dpi";
}

void CollapseGray(cv::Mat& mat) {
  if (mat.channels() != 3) return;
  for (int y = 0; y < mat.rows; ++y) {
    const uint8_t* p = mat.ptr<uint8_t>(y);
    for (int x = 0; x < mat.cols; ++x, p += 3) {
      if (p[0] != p[1] || p[1] != p[2]) return;
    }
  }
  cv::Mat gray;
  cv::extractChannel(mat, gray, 0);
  mat = gray;
}

Image ToImage(const cv::Mat& mat) {
  const bool rgb = mat.channels() == 3;
  Image image(mat.cols, mat.rows, rgb ? PixelFormat::kRgb8 : PixelFormat::kGray8);
  const size_t row_bytes = image.stride();
  for (int y = 0; y < mat.rows; ++y) {
    std::memcpy(image.row(y), mat.ptr<uint8_t>(y), row_bytes);
  }
  return image;
}

Page MakePage(int index, cv::Mat mat, double xdpi, double ydpi, bool bilevel, bool is_fax,
              const ImportOptions& options) {
  Page page;
  page.index = index;
  page.source_index = index;
  if (options.normalise_fax && NonSquare(xdpi, ydpi)) {
    page.notes.push_back(NormaliseFax(mat, xdpi, ydpi, bilevel));
    ydpi = xdpi;
    is_fax = true;
  }
  page.image = ToImage(mat);
  page.image.set_dpi(xdpi, ydpi);
  page.width = mat.cols;
  page.height = mat.rows;
  page.dpi = xdpi;
  page.is_fax = is_fax;
  return page;
}

}  // namespace facteur::import
