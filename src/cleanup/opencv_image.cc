#include "cleanup/opencv_image.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

namespace facteur::cleanup {

cv::Mat View(Image& image) {
  return cv::Mat(image.height(), image.width(), image.channels() == 3 ? CV_8UC3 : CV_8UC1, image.data(),
                 image.stride());
}

cv::Mat View(const Image& image) {
  // OpenCV has no const Mat header; callers promise not to write.
  return cv::Mat(image.height(), image.width(), image.channels() == 3 ? CV_8UC3 : CV_8UC1,
                 const_cast<uint8_t*>(image.data()), image.stride());
}

cv::Mat GrayMat(const Image& image) {
  cv::Mat view = View(image);
  cv::Mat gray;
  if (view.channels() == 3) {
    cv::cvtColor(view, gray, cv::COLOR_RGB2GRAY);
  } else {
    gray = view.clone();
  }
  return gray;
}

Image FromMat(const cv::Mat& mat, double dpi_x, double dpi_y) {
  Image out(mat.cols, mat.rows, mat.channels() == 3 ? PixelFormat::kRgb8 : PixelFormat::kGray8);
  cv::Mat dst = View(out);
  mat.copyTo(dst);
  out.set_dpi(dpi_x, dpi_y);
  return out;
}

bool IsBilevel(const cv::Mat& gray) {
  if (gray.empty() || gray.type() != CV_8UC1) return false;
  for (int y = 0; y < gray.rows; ++y) {
    const uint8_t* p = gray.ptr<uint8_t>(y);
    for (int x = 0; x < gray.cols; ++x) {
      if (p[x] != 0 && p[x] != 255) return false;
    }
  }
  return true;
}

cv::Mat Scaled(const cv::Mat& mat, double scale) {
  cv::Size size(std::max(1, static_cast<int>(mat.cols * scale + 0.5)),
                std::max(1, static_cast<int>(mat.rows * scale + 0.5)));
  cv::Mat out;
  cv::resize(mat, out, size, 0, 0, cv::INTER_AREA);
  return out;
}

}  // namespace facteur::cleanup
