#include "samplegen/degrade.h"

#include <cmath>
#include <cstdio>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace facteur::samplegen {
namespace {

double MmToPx(const Page& page, double mm) { return mm * page.dpi_x / 25.4; }

cv::Scalar White(const Page& page) {
  return page.pixels.channels() == 3 ? cv::Scalar(255, 255, 255) : cv::Scalar(255);
}

}  // namespace

std::string Describe(const std::string& name, double param) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s:%g", name.c_str(), param);
  return buf;
}

void Skew(Page& page, double degrees) {
  cv::Point2f centre(page.pixels.cols / 2.0f, page.pixels.rows / 2.0f);
  cv::Mat m = cv::getRotationMatrix2D(centre, degrees, 1.0);
  cv::Mat out;
  cv::warpAffine(page.pixels, out, m, page.pixels.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, White(page));
  page.pixels = out;
}

void GaussianNoise(Page& page, double sigma, Rng& rng, int white_point) {
  cv::RNG cvrng(rng.Next());
  cv::Mat noise(page.pixels.size(), CV_MAKETYPE(CV_16S, page.pixels.channels()));
  cvrng.fill(noise, cv::RNG::NORMAL, 0, sigma);
  cv::Mat sum;
  page.pixels.convertTo(sum, noise.type());
  sum += noise;
  if (white_point < 255) {
    // Levels: stretch [0, white_point] to [0, 255] so the paper clips white.
    sum.convertTo(page.pixels, page.pixels.type(), 255.0 / white_point);
  } else {
    sum.convertTo(page.pixels, page.pixels.type());
  }
}

void SaltPepper(Page& page, double fraction, Rng& rng) {
  const long n = static_cast<long>(fraction * page.pixels.total());
  const int ch = page.pixels.channels();
  for (long i = 0; i < n; ++i) {
    int x = rng.Below(page.pixels.cols), y = rng.Below(page.pixels.rows);
    uint8_t v = rng.Chance(0.5) ? 0 : 255;
    uint8_t* p = page.pixels.ptr<uint8_t>(y) + x * ch;
    for (int c = 0; c < ch; ++c) p[c] = v;
  }
}

void Blur(Page& page, double sigma) { cv::GaussianBlur(page.pixels, page.pixels, cv::Size(0, 0), sigma); }

Status JpegArtefacts(Page& page, int quality) {
  try {
    std::vector<uint8_t> buf;
    cv::imencode(".jpg", page.pixels, buf, {cv::IMWRITE_JPEG_QUALITY, quality});
    int flags = page.pixels.channels() == 3 ? cv::IMREAD_COLOR : cv::IMREAD_GRAYSCALE;
    cv::Mat decoded = cv::imdecode(buf, flags);
    if (decoded.empty()) return Status::External("jpeg artefacts: opencv could not decode its own JPEG");
    page.pixels = decoded;
  } catch (const cv::Exception& e) {
    return Status::External(std::string("jpeg artefacts: opencv: ") + e.what());
  }
  return Status::OK();
}

void PaperBackground(Page& page, int b, int g, int r, Rng& rng) {
  // Low-frequency blotches: small random field blown up smoothly.
  cv::RNG cvrng(rng.Next());
  cv::Mat small(12, 9, CV_32F);
  cvrng.fill(small, cv::RNG::UNIFORM, 0.96, 1.0);
  cv::Mat field;
  cv::resize(small, field, page.pixels.size(), 0, 0, cv::INTER_CUBIC);
  const bool colour = !(b == g && g == r);
  cv::Mat src;
  if (colour && page.pixels.channels() == 1) {
    cv::cvtColor(page.pixels, src, cv::COLOR_GRAY2BGR);
  } else {
    src = page.pixels;
  }
  cv::Mat f;
  src.convertTo(f, CV_32F);
  std::vector<cv::Mat> planes;
  cv::split(f, planes);
  const double tone[3] = {b / 255.0, g / 255.0, r / 255.0};
  for (size_t c = 0; c < planes.size(); ++c) {
    cv::multiply(planes[c], field, planes[c], planes.size() == 1 ? (b + g + r) / 765.0 : tone[c]);
  }
  cv::merge(planes, f);
  f.convertTo(page.pixels, CV_8U);
}

void ScannerBorder(Page& page, double width_mm, Rng& rng) {
  const int w = static_cast<int>(MmToPx(page, width_mm));
  const cv::Scalar dark = page.pixels.channels() == 3 ? cv::Scalar(25, 25, 25) : cv::Scalar(25);
  // Uneven edge: the band width wanders by a few pixels along the page.
  for (int y = 0; y < page.pixels.rows; y += 8) {
    int bw = w + rng.Between(-w / 6, w / 6);
    cv::rectangle(page.pixels, cv::Rect(0, y, std::max(bw, 1), 8), dark, cv::FILLED);
  }
  for (int x = 0; x < page.pixels.cols; x += 8) {
    int bh = w / 2 + rng.Between(-w / 8, w / 8);
    cv::rectangle(page.pixels, cv::Rect(x, 0, 8, std::max(bh, 1)), dark, cv::FILLED);
  }
}

void PunchHoles(Page& page, int count) {
  const int r = static_cast<int>(MmToPx(page, 3));
  const int x = static_cast<int>(MmToPx(page, 12));
  const double mid = page.pixels.rows / 2.0;
  const double gap = MmToPx(page, count >= 4 ? 40 : 80);
  const cv::Scalar dark = page.pixels.channels() == 3 ? cv::Scalar(40, 40, 40) : cv::Scalar(40);
  for (int i = 0; i < count; ++i) {
    double offset = (i - (count - 1) / 2.0) * gap;
    cv::circle(page.pixels, cv::Point(x, static_cast<int>(mid + offset)), r, dark, cv::FILLED, cv::LINE_AA);
  }
}

void RotateQuarter(Page& page, int degrees) {
  if (degrees == 90) cv::rotate(page.pixels, page.pixels, cv::ROTATE_90_CLOCKWISE);
  if (degrees == 180) cv::rotate(page.pixels, page.pixels, cv::ROTATE_180);
  if (degrees == 270) cv::rotate(page.pixels, page.pixels, cv::ROTATE_90_COUNTERCLOCKWISE);
  if (degrees == 90 || degrees == 270) std::swap(page.dpi_x, page.dpi_y);
}

void UnevenLighting(Page& page, double strength) {
  cv::Mat f;
  page.pixels.convertTo(f, CV_32F);
  cv::Mat light(page.pixels.size(), CV_32F);
  const double cx = page.pixels.cols / 2.0, cy = page.pixels.rows / 2.0;
  const double norm = cx * cx + cy * cy;
  for (int y = 0; y < light.rows; ++y) {
    float* row = light.ptr<float>(y);
    for (int x = 0; x < light.cols; ++x) {
      row[x] = static_cast<float>(1.0 - strength * ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / norm);
    }
  }
  std::vector<cv::Mat> planes;
  cv::split(f, planes);
  for (cv::Mat& p : planes) cv::multiply(p, light, p);
  cv::merge(planes, f);
  f.convertTo(page.pixels, CV_8U);
}

void FaxTransmit(Page& page, double dpi_x, double dpi_y, Rng& rng) {
  cv::Mat gray = page.pixels;
  if (gray.channels() == 3) cv::cvtColor(page.pixels, gray, cv::COLOR_BGR2GRAY);
  // The sender's first scan line falls anywhere on the sheet: shift the page
  // down by a uniform fraction of a fax row, so that the coarse rows do not
  // cut every letter at the same phase. A fixed phase cuts the header's
  // digits alike on every page, and decides their reading for a whole sample
  // at once. (Whole source rows are not enough: at 200 dpi a shift of 0, 1
  // or 2 rows puts two pages in three at nearly the same phase.)
  const double row = page.dpi_y / dpi_y;
  if (row > 1) {
    const cv::Mat shift = (cv::Mat_<double>(2, 3) << 1, 0, 0, 0, 1, rng.Uniform(0, row));
    cv::Mat shifted;
    cv::warpAffine(gray, shifted, shift, gray.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
    gray = shifted;
  }
  const int width = static_cast<int>(gray.cols * dpi_x / page.dpi_x + 0.5);
  const int height = static_cast<int>(gray.rows * dpi_y / page.dpi_y + 0.5);
  cv::Mat small;
  cv::resize(gray, small, cv::Size(width, height), 0, 0, cv::INTER_AREA);
  cv::threshold(small, small, 150, 255, cv::THRESH_BINARY);
  // A fax scan line is 1728 pixels (216 mm at 204 dpi): centre A4 on it.
  if (dpi_x == 204 && width < 1728) {
    const int left = (1728 - width) / 2;
    cv::copyMakeBorder(small, small, 0, 0, left, 1728 - width - left, cv::BORDER_CONSTANT, cv::Scalar(255));
  }
  page.pixels = small;
  page.dpi_x = dpi_x;
  page.dpi_y = dpi_y;
  // Isolated black specks (line noise), a few per square centimetre.
  const long specks = static_cast<long>(small.total() / 4000);
  for (long i = 0; i < specks; ++i) {
    small.at<uint8_t>(rng.Below(small.rows), rng.Below(small.cols)) = 0;
  }
  // A dropped line or two: the receiver repeats the previous row.
  for (int i = rng.Between(0, 2); i > 0; --i) {
    int y = rng.Between(1, small.rows - 1);
    small.row(y - 1).copyTo(small.row(y));
  }
}

}  // namespace facteur::samplegen
