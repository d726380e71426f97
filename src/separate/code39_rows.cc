#include "separate/code39_rows.h"

#include <algorithm>
#include <map>

namespace facteur::separate {
namespace {

// Code 39: nine elements per character, bar first, 1 = wide (zxing's table).
constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%*";
constexpr int kEncodings[] = {0x034, 0x121, 0x061, 0x160, 0x031, 0x130, 0x070, 0x025, 0x124, 0x064, 0x109,
                              0x049, 0x148, 0x019, 0x118, 0x058, 0x00D, 0x10C, 0x04C, 0x01C, 0x103, 0x043,
                              0x142, 0x013, 0x112, 0x052, 0x007, 0x106, 0x046, 0x016, 0x181, 0x0C1, 0x1C0,
                              0x091, 0x190, 0x0D0, 0x085, 0x184, 0x0C4, 0x0A8, 0x0A2, 0x08A, 0x02A, 0x094};

// The character whose nine elements start at widths[i] (a bar), or 0.
// `width` gets the character's total width. Bars and spaces are judged
// apart, since ink spread widens one and narrows the other: a character has
// two wide bars and one wide space, or ($ / + %) three wide spaces.
char DecodeChar(const std::vector<int>& widths, size_t i, double min_ratio, int* width) {
  if (i + 9 > widths.size()) return 0;
  int bars[5], spaces[4];
  for (int k = 0; k < 5; ++k) bars[k] = widths[i + 2 * k];
  for (int k = 0; k < 4; ++k) spaces[k] = widths[i + 2 * k + 1];
  std::sort(bars, bars + 5);
  std::sort(spaces, spaces + 4);
  // Nothing so wide that it is a border or a picture rather than a bar.
  if (std::max(bars[4], spaces[3]) > 8 * std::max(1, std::min(bars[0], spaces[0]))) return 0;
  double bar_cut, space_cut;
  if (bars[3] >= min_ratio * bars[2] && spaces[3] >= min_ratio * spaces[2]) {
    bar_cut = (bars[2] + bars[3]) / 2.0;
    space_cut = (spaces[2] + spaces[3]) / 2.0;
  } else if (bars[4] < min_ratio * bars[0] && spaces[1] >= min_ratio * spaces[0]) {
    bar_cut = bars[4] + 1;
    space_cut = (spaces[0] + spaces[1]) / 2.0;
  } else {
    return 0;
  }
  int code = 0;
  *width = 0;
  for (size_t k = i; k < i + 9; ++k) {
    code = code * 2 + (widths[k] > ((k - i) % 2 == 0 ? bar_cut : space_cut) ? 1 : 0);
    *width += widths[k];
  }
  for (size_t c = 0; c < sizeof kEncodings / sizeof kEncodings[0]; ++c)
    if (kEncodings[c] == code) return kAlphabet[c];
  return 0;
}

// The value of a symbol starting at widths[i] ('*' there), or "".
// widths alternate bar, space, bar... starting with a bar at even i.
std::string DecodeSymbol(const std::vector<int>& widths, size_t i, double min_ratio) {
  int width = 0;
  if (DecodeChar(widths, i, min_ratio, &width) != '*') return "";
  std::string value;
  for (size_t j = i + 10; j + 9 <= widths.size(); j += 10) {
    // The gap between characters is a narrow space: a wide one ends the symbol.
    if (widths[j - 1] > width / 4) return "";
    int next_width = 0;
    char c = DecodeChar(widths, j, min_ratio, &next_width);
    // The module drifts along a warped symbol, but not from one character to the next.
    if (c == 0 || next_width < 0.66 * width || next_width > 1.5 * width) return "";
    if (c == '*') return value;
    value += c;
    width = next_width;
  }
  return "";
}

void ReadLines(const GrayPlane& plane, double px_per_mm, const Code39RowsOptions& options,
               std::map<std::string, int>* votes) {
  const int step = std::max(1, static_cast<int>(options.line_step_mm * px_per_mm));
  for (int y = 0; y < plane.height; y += step) {
    std::vector<Run> runs = RowRuns(plane, y, options.threshold);
    if (runs.size() < 30) continue;  // "*X*" alone has 29 elements
    for (int direction = 0; direction < 2; ++direction) {
      if (direction == 1) std::reverse(runs.begin(), runs.end());  // upside down
      std::vector<int> widths;
      for (const Run& r : runs) widths.push_back(r.length);
      const size_t first_bar = runs.front().dark ? 0 : 1;
      std::string seen;  // one vote per value and line
      for (size_t i = first_bar; i + 29 <= widths.size(); i += 2) {
        std::string value = DecodeSymbol(widths, i, options.min_ratio);
        if (value.empty() || value == seen) continue;
        seen = value;
        ++(*votes)[value];
      }
    }
  }
}

}  // namespace

std::vector<std::string> ReadCode39Rows(const GrayPlane& plane, double dpi, const Code39RowsOptions& options) {
  if (plane.width == 0 || plane.height == 0) return {};
  const double px_per_mm = (dpi > 0 ? dpi : 200) / 25.4;
  std::map<std::string, int> votes;
  ReadLines(plane, px_per_mm, options, &votes);
  ReadLines(Transposed(plane), px_per_mm, options, &votes);
  std::vector<std::pair<int, std::string>> agreed;
  for (const auto& [value, lines] : votes)
    if (lines >= options.min_lines) agreed.emplace_back(lines, value);
  std::sort(agreed.begin(), agreed.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> values;
  for (const auto& [lines, value] : agreed) values.push_back(value);
  return values;
}

}  // namespace facteur::separate
