// Page: one rendered (then degraded) page and the text printed on it.
#ifndef FACTEUR_TOOLS_SAMPLEGEN_PAGE_H_
#define FACTEUR_TOOLS_SAMPLEGEN_PAGE_H_

#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace facteur::samplegen {

struct Page {
  cv::Mat pixels;  // CV_8UC1 gray (0 black, 255 white) or CV_8UC3 BGR
  double dpi_x = 200;
  double dpi_y = 200;
  std::vector<std::string> lines;  // ground truth, top to bottom, as wrapped
};

}  // namespace facteur::samplegen

#endif  // FACTEUR_TOOLS_SAMPLEGEN_PAGE_H_
