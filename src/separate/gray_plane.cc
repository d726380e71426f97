#include "separate/gray_plane.h"

#include <algorithm>

namespace facteur::separate {

GrayPlane ToGray(const Image& image) {
  GrayPlane plane;
  plane.width = image.width();
  plane.height = image.height();
  plane.px.resize(static_cast<size_t>(plane.width) * plane.height);
  for (int y = 0; y < plane.height; ++y) {
    const uint8_t* in = image.row(y);
    uint8_t* out = plane.px.data() + static_cast<size_t>(y) * plane.width;
    if (image.channels() == 1) {
      std::copy(in, in + plane.width, out);
      continue;
    }
    for (int x = 0; x < plane.width; ++x, in += 3) out[x] = static_cast<uint8_t>((in[0] + in[1] + in[2]) / 3);
  }
  return plane;
}

GrayPlane Transposed(const GrayPlane& plane) {
  GrayPlane t;
  t.width = plane.height;
  t.height = plane.width;
  t.px.resize(plane.px.size());
  // Blocked so both planes are walked in cache-sized tiles.
  const int kBlock = 64;
  for (int y0 = 0; y0 < plane.height; y0 += kBlock)
    for (int x0 = 0; x0 < plane.width; x0 += kBlock)
      for (int y = y0; y < std::min(y0 + kBlock, plane.height); ++y)
        for (int x = x0; x < std::min(x0 + kBlock, plane.width); ++x)
          t.px[static_cast<size_t>(x) * t.width + y] = plane.px[static_cast<size_t>(y) * plane.width + x];
  return t;
}

std::vector<Run> RowRuns(const GrayPlane& plane, int y, int threshold) {
  std::vector<Run> runs;
  const uint8_t* row = plane.Row(y);
  for (int x = 0; x < plane.width; ++x) {
    bool dark = row[x] < threshold;
    if (runs.empty() || runs.back().dark != dark) {
      runs.push_back(Run{dark, x, 1});
    } else {
      ++runs.back().length;
    }
  }
  return runs;
}

}  // namespace facteur::separate
