// GrayPlane: a page's pixels as one 8-bit gray plane, and the run lengths
// of its rows, for the separator-sheet detectors (patch codes, bar regions).
//
// Pure functions on values; thread-compatible.
#ifndef FACTEUR_SEPARATE_GRAY_PLANE_H_
#define FACTEUR_SEPARATE_GRAY_PLANE_H_

#include <cstdint>
#include <vector>

#include "facteur/image.h"

namespace facteur::separate {

struct GrayPlane {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> px;  // row-major, 0 = black
  const uint8_t* Row(int y) const { return px.data() + static_cast<size_t>(y) * width; }
};

// Gray copy of `image` (RGB averaged).
GrayPlane ToGray(const Image& image);
// Rows become columns: scanning its rows scans the original's columns.
GrayPlane Transposed(const GrayPlane& plane);

// One run of equal pixels along a row: dark (value < threshold) or light.
struct Run {
  bool dark = false;
  int start = 0;
  int length = 0;
};
// The runs of row `y`, left to right, covering the whole row.
std::vector<Run> RowRuns(const GrayPlane& plane, int y, int threshold);

}  // namespace facteur::separate

#endif  // FACTEUR_SEPARATE_GRAY_PLANE_H_
