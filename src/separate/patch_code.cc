#include "separate/patch_code.h"

#include <algorithm>
#include <cmath>

namespace facteur::separate {
namespace {

struct Candidate {
  int start = 0, end = 0;   // pixel range of the 4 bars along the line
  int narrow = 0;           // narrow bar width, pixels
  std::string pattern;      // as read along the line (left to right / top to bottom)
};

struct Track {
  Candidate first;
  Candidate last;
  int first_line = 0, last_line = 0;
  int lines = 0;
};

bool Near(double value, double target, double tolerance) { return std::abs(value - target) <= tolerance * target; }

// Looks for B W B W B W B starting at runs[i]: two wide and two narrow bars,
// narrow spaces, quiet zones on both sides.
bool MatchAt(const std::vector<Run>& runs, size_t i, double px_per_mm, Candidate* out) {
  if (i == 0 || i + 7 >= runs.size()) return false;  // needs light runs on both sides
  int bars[4], spaces[3];
  for (int k = 0; k < 4; ++k) bars[k] = runs[i + 2 * k].length;
  for (int k = 0; k < 3; ++k) spaces[k] = runs[i + 2 * k + 1].length;
  int sorted[4];
  std::copy(bars, bars + 4, sorted);
  std::sort(sorted, sorted + 4);
  double narrow = (sorted[0] + sorted[1]) / 2.0, wide = (sorted[2] + sorted[3]) / 2.0;
  if (narrow < 2 || wide / narrow < 1.8 || wide / narrow > 4.0) return false;
  if (!Near(sorted[0], narrow, 0.35) || !Near(sorted[1], narrow, 0.35)) return false;
  if (!Near(sorted[2], wide, 0.25) || !Near(sorted[3], wide, 0.25)) return false;
  // Kodak: narrow bar 2 mm. Allow printing and scanning drift.
  double narrow_mm = narrow / px_per_mm;
  if (narrow_mm < 1.0 || narrow_mm > 3.5) return false;
  for (int s : spaces)
    if (s < 0.5 * narrow || s > 1.8 * narrow) return false;
  // Quiet zones as wide as a wide bar and a half: a patch stands alone, and
  // four bars inside a 1-D barcode (corpus/separators/
  // patch-code-t-middle-distorted.pdf) read as PATCH4 without this.
  if (runs[i - 1].length < 1.5 * wide || runs[i + 7].length < 1.5 * wide) return false;
  out->pattern.clear();
  for (int b : bars) out->pattern += b > (narrow + wide) / 2 ? 'W' : 'N';
  out->start = runs[i].start;
  out->end = runs[i + 6].start + runs[i + 6].length;
  out->narrow = static_cast<int>(narrow);
  return true;
}

// Scans the plane's rows (bars perpendicular to them) and returns the groups
// that run on long enough.
std::vector<PatchMark> ScanRows(const GrayPlane& plane, double px_per_mm, bool vertical, const PatchOptions& options) {
  const int step = std::max(1, static_cast<int>(px_per_mm * 0.5));  // a line every 0.5 mm
  const int max_gap_lines = 4;  // a bar may be broken for up to 2 mm (dust, a fold)
  std::vector<Track> active, done;
  for (int y = 0; y < plane.height; y += step) {
    int line = y / step;
    std::vector<Run> runs = RowRuns(plane, y, options.threshold);
    for (size_t i = 1; i + 7 < runs.size(); ++i) {
      if (!runs[i].dark) continue;
      Candidate c;
      if (!MatchAt(runs, i, px_per_mm, &c)) continue;
      auto it = std::find_if(active.begin(), active.end(), [&](const Track& t) {
        return t.last.pattern == c.pattern && std::abs(t.last.start - c.start) <= c.narrow &&
               std::abs(t.last.end - c.end) <= c.narrow && t.last_line != line;
      });
      if (it == active.end()) {
        active.push_back(Track{c, c, line, line, 1});
      } else {
        it->last = c;
        it->last_line = line;
        ++it->lines;
      }
    }
    // Retire tracks that stopped.
    for (auto t = active.begin(); t != active.end();) {
      if (line - t->last_line > max_gap_lines) {
        done.push_back(*t);
        t = active.erase(t);
      } else {
        ++t;
      }
    }
  }
  done.insert(done.end(), active.begin(), active.end());
  std::vector<PatchMark> marks;
  for (const Track& t : done) {
    double length_mm = (t.last_line - t.first_line) * step / px_per_mm;
    if (length_mm < options.min_length_mm) continue;
    // Read from the nearer edge inwards.
    std::string pattern = t.first.pattern;
    int centre = (t.first.start + t.first.end) / 2;
    if (centre > plane.width / 2) std::reverse(pattern.begin(), pattern.end());
    std::string name = PatchName(pattern);
    if (!name.empty()) marks.push_back(PatchMark{name, vertical, length_mm, t.first.start});
  }
  return marks;
}

}  // namespace

std::string PatchName(const std::string& pattern) {
  if (pattern == "WWNN") return "PATCH1";
  if (pattern == "WNNW") return "PATCH2";
  if (pattern == "WNWN") return "PATCH3";
  if (pattern == "NWWN") return "PATCH4";
  if (pattern == "NNWW") return "PATCH6";
  if (pattern == "NWNW") return "PATCHT";
  return "";
}

std::vector<PatchMark> FindPatchCodes(const GrayPlane& plane, double dpi, const PatchOptions& options) {
  if (plane.width == 0 || plane.height == 0) return {};
  double px_per_mm = (dpi > 0 ? dpi : 200) / 25.4;
  std::vector<PatchMark> marks = ScanRows(plane, px_per_mm, true, options);
  std::vector<PatchMark> across = ScanRows(Transposed(plane), px_per_mm, false, options);
  marks.insert(marks.end(), across.begin(), across.end());
  std::sort(marks.begin(), marks.end(), [](const PatchMark& a, const PatchMark& b) { return a.length_mm > b.length_mm; });
  return marks;
}

}  // namespace facteur::separate
