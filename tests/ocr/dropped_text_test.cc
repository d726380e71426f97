// FindDroppedText: the letter-sized marks no word covers, grouped into the
// regions the engine reads again.
#include "ocr/dropped_text.h"

#include <catch2/catch.hpp>
#include <functional>
#include <string>
#include <vector>

#include "ocr/leptonica_image.h"

namespace facteur {
namespace {

// A 1000x1000 page with `lines` rows of ten 12x20 px "letters" (one word per
// row, 40 px apart from y = 100), plus what `extra` draws.
PixPtr Page(int lines, const std::function<void(Image&)>& extra = {}) {
  Image image(1000, 1000, PixelFormat::kGray8, 255);
  auto blot = [&](int x0, int y0, int w, int h) {
    for (int y = y0; y < y0 + h; ++y) {
      for (int x = x0; x < x0 + w; ++x) image.row(y)[x] = 0;
    }
  };
  for (int l = 0; l < lines; ++l) {
    for (int i = 0; i < 10; ++i) blot(100 + 16 * i, 100 + 40 * l, 12, 20);
  }
  if (extra) extra(image);
  auto pix = ImageToPix1(image);
  REQUIRE(pix.has_value());
  return std::move(*pix);
}

// The word boxes of the first `lines` rows, as if read.
std::vector<WordBox> Read(int lines) {
  std::vector<WordBox> words;
  for (int l = 0; l < lines; ++l) {
    words.push_back(WordBox{.text = "word", .x = 100, .y = 100 + 40 * l, .w = 156, .h = 20, .confidence = 90});
  }
  return words;
}

TEST_CASE("FindDroppedText finds the lines no word covers, as one region", "[ocr]") {
  PixPtr page = Page(8);
  // Rows 6 and 7 were not read: one paragraph of two lines, 20 marks.
  auto regions = FindDroppedText(page.get(), Read(6), 5);
  REQUIRE(regions.size() == 1);
  CHECK(regions[0].marks == 20);
  CHECK(regions[0].y <= 100 + 40 * 6);
  CHECK(regions[0].y + regions[0].h >= 100 + 40 * 7 + 20);
  CHECK(regions[0].x <= 100);
  CHECK(regions[0].x + regions[0].w >= 256);
}

TEST_CASE("FindDroppedText leaves out what was read, dust, rules and lone marks", "[ocr]") {
  SECTION("everything read") { CHECK(FindDroppedText(Page(8).get(), Read(8), 5).empty()); }
  SECTION("dust, a rule and a block are not letters; four marks are too few") {
    PixPtr page = Page(6, [](Image& image) {
      for (int i = 0; i < 40; ++i) image.row(600 + 5 * i)[300 + 7 * i] = 0;  // dust
      for (int x = 100; x < 900; ++x) image.row(700)[x] = image.row(701)[x] = 0;  // a rule
      for (int y = 750; y < 900; ++y) {
        for (int x = 500; x < 700; ++x) image.row(y)[x] = 0;  // a picture
      }
      for (int i = 0; i < 4; ++i) {
        for (int y = 800; y < 820; ++y) {
          for (int x = 100 + 16 * i; x < 112 + 16 * i; ++x) image.row(y)[x] = 0;  // a short mark
        }
      }
    });
    CHECK(FindDroppedText(page.get(), Read(6), 5).empty());
  }
  SECTION("too few words read to know the letters' size") {
    CHECK(FindDroppedText(Page(8).get(), Read(2), 5).empty());
  }
}

TEST_CASE("InsertInReadingOrder puts a recovered region before what follows it in its column", "[ocr]") {
  // Two columns: left 100..500, right 600..1000.
  std::vector<Paragraph> page = {{.top = 100, .left = 100, .right = 500, .text = "L1\n"},
                                 {.top = 400, .left = 100, .right = 500, .text = "L2\n"},
                                 {.top = 100, .left = 600, .right = 1000, .text = "R1\n"},
                                 {.top = 400, .left = 600, .right = 1000, .text = "R2\n"}};
  auto texts = [](const std::vector<Paragraph>& ps) {
    std::string all;
    for (const Paragraph& p : ps) all += p.text;
    return all;
  };
  SECTION("between two paragraphs of the right column") {
    InsertInReadingOrder(page, {{.top = 250, .left = 620, .right = 900, .text = "X\n"}});
    CHECK(texts(page) == "L1\nL2\nR1\nX\nR2\n");
  }
  SECTION("below everything: at the end") {
    InsertInReadingOrder(page, {{.top = 900, .left = 100, .right = 900, .text = "X\n"}});
    CHECK(texts(page) == "L1\nL2\nR1\nR2\nX\n");
  }
  SECTION("several paragraphs stay together") {
    InsertInReadingOrder(page, {{.top = 50, .left = 100, .right = 400, .text = "X\n"},
                                {.top = 80, .left = 100, .right = 400, .text = "Y\n"}});
    CHECK(texts(page) == "X\nY\nL1\nL2\nR1\nR2\n");
  }
}

}  // namespace
}  // namespace facteur
