// Ink analysis shared by the cleanup steps: what counts as ink on a page,
// and which marks are punch holes, specks or scanner borders rather than
// writing.
//
// Thread safety: plain functions.
#ifndef FACTEUR_CLEANUP_INK_H_
#define FACTEUR_CLEANUP_INK_H_

#include <initializer_list>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace facteur::cleanup {

// Pixels per millimetre at `dpi` (300 when unknown).
double PxPerMm(double dpi);

// The gray below which `fraction` (0..1) of a CV_8UC1 image's pixels lie.
int GrayPercentile(const cv::Mat& gray, double fraction);
// The same for several fractions, from one pass over the image.
std::vector<int> GrayPercentiles(const cv::Mat& gray, std::initializer_list<double> fractions);

// The paper's brightness: the 90th percentile of a CV_8UC1 page, so coloured
// or grey paper counts as paper.
int PaperLevel(const cv::Mat& gray);

// 255 where a CV_8UC1 page is clearly darker than its paper (below
// `ratio` x PaperLevel), else 0. Bilevel pages give their black pixels.
cv::Mat InkMask(const cv::Mat& gray, double ratio = 0.6);
// The same with the page's PaperLevel already measured (a step that also
// paints with it measures once).
cv::Mat InkMask(const cv::Mat& gray, int paper_level, double ratio = 0.6);

// Connected ink components (8-connected) with their statistics.
struct Components {
  cv::Mat labels;  // CV_32S, 0 = background
  cv::Mat stats;   // cv::CC_STAT_* rows, row 0 = background
  int count = 0;   // including the background
  int Left(int i) const { return stats.at<int>(i, cv::CC_STAT_LEFT); }
  int Top(int i) const { return stats.at<int>(i, cv::CC_STAT_TOP); }
  int Width(int i) const { return stats.at<int>(i, cv::CC_STAT_WIDTH); }
  int Height(int i) const { return stats.at<int>(i, cv::CC_STAT_HEIGHT); }
  int Area(int i) const { return stats.at<int>(i, cv::CC_STAT_AREA); }
};
Components FindComponents(const cv::Mat& mask);

// The median height in pixels of the components that look like letters, or
// 0 when there are too few to tell. It gives the page's true scale when its
// stated resolution is wrong (a 1000-pixel-wide photo "at 300 dpi").
double GlyphHeight(const Components& c, cv::Size page);

// Whether component `i` looks like a punch hole: round, filled, 4..10 mm
// across (ISO 838 holes are 6 mm, US ones 6.5-8 mm), its centre within
// `margin_mm` of an edge of the page.
bool IsPunchHole(const Components& c, int i, cv::Size page, double px_per_mm, double margin_mm);

// Whether component `i` is a scanner border: touches an edge of the page and
// runs along at least `min_span` (0..1) of that edge, covering at most a
// quarter of the page.
bool IsBorder(const Components& c, int i, cv::Size page, double min_span);

// The box around the page's writing: its ink components that are neither
// specks (up to `speck_px` across), scanner borders, nor blocks wider or
// taller than a third of the page. Empty when there is none.
cv::Rect WritingBox(const cv::Mat& gray, int speck_px);

// Whether ink component `i`, a small mark, stands alone on the paper: the
// pixels around it at least `depth` (0..1) as dark as it, measured from the
// paper beside it, reach no further than `max_side` + 2 px each way. A dark
// grain inside a faint typewriter stroke is part of a letter, not dust.
bool StandsAlone(const cv::Mat& gray, const Components& c, int i, int max_side, double depth);

// Sets to `value` the pixels of `image` where labels == i, for every i with
// remove[i] true, grown by `grow` pixels (covers anti-aliased rims).
void PaintComponents(cv::Mat& image, const Components& c, const std::vector<bool>& remove, int grow,
                     uint8_t value);

}  // namespace facteur::cleanup

#endif  // FACTEUR_CLEANUP_INK_H_
