#include "cleanup/ink.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace facteur::cleanup {

double PxPerMm(double dpi) { return (dpi > 0 ? dpi : 300) / 25.4; }

std::vector<int> GrayPercentiles(const cv::Mat& gray, std::initializer_list<double> fractions) {
  // Four partial histograms, so that runs of equal pixels (most of a page
  // is paper) do not wait on one counter: ~3x faster on a 300 dpi page.
  uint32_t partial[4][256] = {};
  for (int y = 0; y < gray.rows; ++y) {
    const uint8_t* p = gray.ptr<uint8_t>(y);
    int x = 0;
    for (; x + 4 <= gray.cols; x += 4) {
      ++partial[0][p[x]];
      ++partial[1][p[x + 1]];
      ++partial[2][p[x + 2]];
      ++partial[3][p[x + 3]];
    }
    for (; x < gray.cols; ++x) ++partial[0][p[x]];
  }
  int64_t histogram[256] = {0};
  for (int v = 0; v < 256; ++v) {
    histogram[v] = int64_t{partial[0][v]} + partial[1][v] + partial[2][v] + partial[3][v];
  }
  std::vector<int> grays;
  for (const double fraction : fractions) {
    const auto target = static_cast<int64_t>(static_cast<double>(gray.total()) * fraction);
    int64_t seen = 0;
    int v = 0;
    for (; v < 255; ++v) {
      seen += histogram[v];
      if (seen > target) break;
    }
    grays.push_back(v);
  }
  return grays;
}

int GrayPercentile(const cv::Mat& gray, double fraction) { return GrayPercentiles(gray, {fraction})[0]; }

int PaperLevel(const cv::Mat& gray) { return GrayPercentile(gray, 0.9); }

double GlyphHeight(const Components& c, cv::Size page) {
  std::vector<int> heights;
  for (int i = 1; i < c.count; ++i) {
    const int h = c.Height(i), w = c.Width(i);
    // Letters: a few pixels high at least, not lines, rules or pictures.
    if (h >= 4 && h <= page.height / 20 && w <= 4 * h && c.Area(i) >= 8) heights.push_back(h);
  }
  if (heights.size() < 50) return 0;
  auto middle = heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2);
  std::nth_element(heights.begin(), middle, heights.end());
  return *middle;
}

cv::Mat InkMask(const cv::Mat& gray, double ratio) { return InkMask(gray, PaperLevel(gray), ratio); }

cv::Mat InkMask(const cv::Mat& gray, int paper_level, double ratio) {
  // A page that is mostly paper has its paper level at the 90th
  // percentile; a nearly black page still counts its white as paper.
  const int paper = std::max(paper_level, 64);
  cv::Mat mask;
  cv::threshold(gray, mask, paper * ratio, 255, cv::THRESH_BINARY_INV);
  return mask;
}

Components FindComponents(const cv::Mat& mask) {
  Components c;
  cv::Mat centroids;
  c.count = cv::connectedComponentsWithStats(mask, c.labels, c.stats, centroids, 8, CV_32S);
  return c;
}

bool IsPunchHole(const Components& c, int i, cv::Size page, double px_per_mm, double margin_mm) {
  const double w = c.Width(i), h = c.Height(i);
  const double lo = 4 * px_per_mm, hi = 10 * px_per_mm;
  if (w < lo || w > hi || h < lo || h > hi) return false;
  if (w / h < 0.75 || w / h > 1.33) return false;
  // A filled disc covers pi/4 of its box; letters and rings much less.
  const double fill = c.Area(i) / (w * h);
  if (fill < 0.65 || fill > 0.9) return false;
  const double cx = c.Left(i) + w / 2, cy = c.Top(i) + h / 2;
  const double margin = margin_mm * px_per_mm;
  return cx < margin || cy < margin || page.width - cx < margin || page.height - cy < margin;
}

bool IsBorder(const Components& c, int i, cv::Size page, double min_span) {
  // A border is a strip (or a frame of strips); a solid block touching the
  // edges is content, e.g. a mostly black page.
  if (c.Area(i) > 0.25 * page.area()) return false;
  const int x0 = c.Left(i), y0 = c.Top(i), x1 = x0 + c.Width(i), y1 = y0 + c.Height(i);
  const bool left = x0 == 0, top = y0 == 0, right = x1 == page.width, bottom = y1 == page.height;
  if ((left || right) && c.Height(i) >= min_span * page.height) return true;
  if ((top || bottom) && c.Width(i) >= min_span * page.width) return true;
  return false;
}

cv::Rect WritingBox(const cv::Mat& gray, int speck_px) {
  const Components c = FindComponents(InkMask(gray));
  const cv::Size page = gray.size();
  cv::Rect box;
  for (int i = 1; i < c.count; ++i) {
    if (c.Width(i) <= speck_px && c.Height(i) <= speck_px) continue;
    if (3 * c.Width(i) > page.width || 3 * c.Height(i) > page.height) continue;
    if (IsBorder(c, i, page, 0.3)) continue;
    box |= cv::Rect(c.Left(i), c.Top(i), c.Width(i), c.Height(i));
  }
  return box;
}

bool StandsAlone(const cv::Mat& gray, const Components& c, int i, int max_side, double depth) {
  const int grow = max_side + 3;
  const cv::Rect box(c.Left(i), c.Top(i), c.Width(i), c.Height(i));
  const cv::Rect window = (box + cv::Size(2 * grow, 2 * grow) - cv::Point(grow, grow)) & cv::Rect(0, 0, gray.cols, gray.rows);
  const cv::Mat win = gray(window);
  // The mark's first pixel (where the fill below starts) and its darkest value.
  cv::Point seed(-1, -1);
  int darkest = 255;
  for (int y = box.y; y < box.y + box.height; ++y) {
    for (int x = box.x; x < box.x + box.width; ++x) {
      if (c.labels.at<int>(y, x) != i) continue;
      if (seed.x < 0) seed = {x, y};
      darkest = std::min<int>(darkest, gray.at<uint8_t>(y, x));
    }
  }
  if (seed.x < 0) seed = box.tl();
  seed -= window.tl();
  // The paper beside the mark: the window's median, most of it being paper
  // when the mark stands alone.
  std::vector<uint8_t> values(win.begin<uint8_t>(), win.end<uint8_t>());
  auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  const double paper = *middle;
  cv::Mat faint;
  cv::threshold(win, faint, paper - depth * (paper - darkest), 255, cv::THRESH_BINARY_INV);
  cv::Rect reach;
  cv::floodFill(faint, seed, cv::Scalar(128), &reach, cv::Scalar(), cv::Scalar(), 8);
  const int limit = max_side + 2;
  return reach.width <= limit && reach.height <= limit;
}

void PaintComponents(cv::Mat& image, const Components& c, const std::vector<bool>& remove, int grow,
                     uint8_t value) {
  cv::Mat mask = cv::Mat::zeros(image.size(), CV_8UC1);
  for (int y = 0; y < c.labels.rows; ++y) {
    const int* l = c.labels.ptr<int>(y);
    uint8_t* m = mask.ptr<uint8_t>(y);
    for (int x = 0; x < c.labels.cols; ++x) {
      if (l[x] > 0 && remove[static_cast<size_t>(l[x])]) m[x] = 255;
    }
  }
  if (grow > 0) {
    cv::dilate(mask, mask, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * grow + 1, 2 * grow + 1)));
  }
  image.setTo(cv::Scalar(value), mask);
}

}  // namespace facteur::cleanup
