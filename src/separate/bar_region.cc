#include "separate/bar_region.h"

#include <algorithm>
#include <vector>

namespace facteur::separate {
namespace {

struct Cluster {
  int x0 = 0, x1 = 0;  // [x0, x1) of the bars along the line
  int line = 0;
  int first_line = 0;
};

// Bar clusters of one line: runs of at least min_bars narrow dark bars with
// narrow gaps between them.
std::vector<Cluster> LineClusters(const std::vector<Run>& runs, int line, double px_per_mm,
                                  const BarRegionOptions& options) {
  std::vector<Cluster> clusters;
  const double max_bar = options.max_bar_mm * px_per_mm, max_gap = options.max_gap_mm * px_per_mm;
  int bars = 0, x0 = 0, x1 = 0, narrowest = 0, widest = 0;
  auto close = [&] {
    if (bars >= options.min_bars && widest >= options.min_width_ratio * narrowest)
      clusters.push_back(Cluster{x0, x1, line, line});
    bars = 0;
  };
  for (const Run& run : runs) {
    if (run.dark) {
      if (run.length > max_bar) {
        close();
        continue;
      }
      if (bars == 0) {
        x0 = run.start;
        narrowest = widest = run.length;
      }
      narrowest = std::min(narrowest, run.length);
      widest = std::max(widest, run.length);
      ++bars;
      x1 = run.start + run.length;
    } else if (run.length > max_gap) {
      close();
    }
  }
  close();
  return clusters;
}

double Similarity(const GrayPlane& plane, int y_a, int y_b, int x0, int x1, int threshold) {
  if (x1 <= x0) return 0;
  const uint8_t* a = plane.Row(y_a);
  const uint8_t* b = plane.Row(y_b);
  int both = 0, either = 0;
  for (int x = x0; x < x1; ++x) {
    bool da = a[x] < threshold, db = b[x] < threshold;
    both += da && db;
    either += da || db;
  }
  return either == 0 ? 0 : static_cast<double>(both) / either;
}

int CountRows(const GrayPlane& plane, double px_per_mm, const BarRegionOptions& options) {
  const int step = std::max(1, static_cast<int>(px_per_mm * 0.5));
  const int min_lines = static_cast<int>(options.min_height_mm * px_per_mm / step);
  std::vector<Cluster> active;
  int regions = 0;
  for (int y = 0; y < plane.height; y += step) {
    int line = y / step;
    std::vector<Cluster> next;
    for (Cluster c : LineClusters(RowRuns(plane, y, options.threshold), line, px_per_mm, options)) {
      for (const Cluster& t : active) {
        int lo = std::max(c.x0, t.x0), hi = std::min(c.x1, t.x1);
        int smaller = std::min(c.x1 - c.x0, t.x1 - t.x0);
        if (hi - lo < 0.8 * smaller) continue;
        if (Similarity(plane, (line - 1) * step, y, lo, hi, options.threshold) < options.min_similarity) continue;
        c.first_line = t.first_line;
        break;
      }
      next.push_back(c);
    }
    // A track that reached its height counts once, when it ends.
    for (const Cluster& t : active) {
      bool continued = std::any_of(next.begin(), next.end(), [&](const Cluster& c) { return c.first_line == t.first_line; });
      if (!continued && t.line - t.first_line >= min_lines) ++regions;
    }
    active = std::move(next);
  }
  for (const Cluster& t : active)
    if (t.line - t.first_line >= min_lines) ++regions;
  return regions;
}

}  // namespace

int CountBarRegions(const GrayPlane& plane, double dpi, const BarRegionOptions& options) {
  if (plane.width == 0 || plane.height == 0) return 0;
  double px_per_mm = (dpi > 0 ? dpi : 200) / 25.4;
  return CountRows(plane, px_per_mm, options) + CountRows(Transposed(plane), px_per_mm, options);
}

}  // namespace facteur::separate
