#include "ocr/dropped_text.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <iterator>
#include <memory>

#include "ocr/leptonica_image.h"

namespace facteur {
namespace {

struct BoxaDeleter {
  void operator()(Boxa* boxa) const { boxaDestroy(&boxa); }
};
using BoxaPtr = std::unique_ptr<Boxa, BoxaDeleter>;

struct Mark {
  int cx, cy;
};

int MedianHeight(const std::vector<WordBox>& words) {
  std::vector<int> heights;
  for (const WordBox& w : words) {
    if (w.h > 0) heights.push_back(w.h);
  }
  if (heights.size() < 3) return 0;
  auto middle = heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2);
  std::nth_element(heights.begin(), middle, heights.end());
  return *middle;
}

}  // namespace

std::vector<DroppedRegion> FindDroppedText(Pix* binary, const std::vector<WordBox>& words, int min_marks) {
  std::vector<DroppedRegion> out;
  const int line = MedianHeight(words);
  if (binary == nullptr || pixGetDepth(binary) != 1 || line == 0) return out;
  const int width = pixGetWidth(binary), height = pixGetHeight(binary);

  // What was read: the word boxes, with a little margin for serifs and
  // accents that stick out of them.
  PixPtr read(pixCreate(width, height, 1));
  PixPtr dropped(pixCreate(width, height, 1));
  if (!read || !dropped) return out;
  for (const WordBox& w : words) {
    pixRasterop(read.get(), w.x - 2, w.y - 2, w.w + 4, w.h + 4, PIX_SET, nullptr, 0, 0);
  }

  // Letter-sized marks outside them: not specks, rules or pictures.
  BoxaPtr marks_boxes(pixConnCompBB(binary, 8));
  if (!marks_boxes) return out;
  std::vector<Mark> marks;
  for (int i = 0; i < boxaGetCount(marks_boxes.get()); ++i) {
    int x = 0, y = 0, w = 0, h = 0;
    boxaGetBoxGeometry(marks_boxes.get(), i, &x, &y, &w, &h);
    if (h < 0.3 * line || h > 1.5 * line || w > 3 * h) continue;
    const Mark m{x + w / 2, y + h / 2};
    l_uint32 covered = 0;
    pixGetPixel(read.get(), m.cx, m.cy, &covered);
    if (covered) continue;
    marks.push_back(m);
    pixRasterop(dropped.get(), x, y, w, h, PIX_SET, nullptr, 0, 0);
  }
  if (static_cast<int>(marks.size()) < min_marks) return out;

  // Letters of a word, words of a line and lines of a paragraph join.
  PixPtr joined(pixDilateBrick(nullptr, dropped.get(), 2 * line + 1, line + 1));
  if (!joined) return out;
  BoxaPtr regions(pixConnCompBB(joined.get(), 8));
  if (!regions) return out;
  const int margin = line / 2;
  for (int i = 0; i < boxaGetCount(regions.get()); ++i) {
    int x = 0, y = 0, w = 0, h = 0;
    boxaGetBoxGeometry(regions.get(), i, &x, &y, &w, &h);
    const int inside = static_cast<int>(std::count_if(marks.begin(), marks.end(), [&](const Mark& m) {
      return m.cx >= x && m.cx < x + w && m.cy >= y && m.cy < y + h;
    }));
    if (inside < min_marks) continue;
    const int x0 = std::max(0, x - margin), y0 = std::max(0, y - margin);
    const int x1 = std::min(width, x + w + margin), y1 = std::min(height, y + h + margin);
    out.push_back(DroppedRegion{.x = x0, .y = y0, .w = x1 - x0, .h = y1 - y0, .marks = inside});
  }
  std::sort(out.begin(), out.end(), [](const DroppedRegion& a, const DroppedRegion& b) { return a.y < b.y; });
  return out;
}

void InsertInReadingOrder(std::vector<Paragraph>& paragraphs, std::vector<Paragraph> part) {
  if (part.empty()) return;
  int left = part[0].left, right = part[0].right;
  for (const Paragraph& p : part) left = std::min(left, p.left), right = std::max(right, p.right);
  const int top = part[0].top;
  auto at = std::find_if(paragraphs.begin(), paragraphs.end(), [&](const Paragraph& p) {
    return p.top > top && p.left < right && p.right > left;
  });
  paragraphs.insert(at, std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
}

}  // namespace facteur
