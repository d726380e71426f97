// cleanup.background and cleanup.despeckle act only where a page needs them
// ("first do no harm"): white even paper is left alone, show-through is only
// whitened on dark paper, and specks are judged against the page's letters.
#include <catch2/catch.hpp>
#include <string>

#include "cleanup_test_util.h"

namespace facteur {
namespace {

using testing::MakePageStage;
using testing::Notes;
using testing::RunPageStage;

// A 300 dpi gray page whose paper goes from `left` to `right` (0..255)
// across, with rows of 20x28 px "letters" at 50% of the paper's gray and, at
// (600, 300), a faint 40x40 mark at 94% of it (show-through).
Page ShadedPage(int left, int right) {
  Page page;
  page.image = Image(1200, 1600, PixelFormat::kGray8, 255);
  page.image.set_dpi(300, 300);
  page.dpi = 300;
  for (int y = 0; y < 1600; ++y) {
    for (int x = 0; x < 1200; ++x) {
      const int paper = left + (right - left) * x / 1199;
      const bool letter = y >= 500 && y % 60 < 28 && x >= 100 && x < 1100 && x % 30 < 20;
      const bool mark = y >= 300 && y < 340 && x >= 600 && x < 640;
      page.image.row(y)[x] = static_cast<uint8_t>(letter ? paper * 5 / 10 : mark ? paper * 94 / 100 : paper);
    }
  }
  return page;
}

TEST_CASE("cleanup.background leaves evenly lit paper alone", "[cleanup]") {
  struct Case {
    const char* what;
    int left, right;  // the paper's level at the left and right edges
    const char* settings;
    const char* note;
    bool levelled;
  };
  const Case cases[] = {
      {"white paper", 250, 252, "{}", "cleanup.background: paper light everywhere", false},
      {"light paper shaded from 226 to 250", 226, 250, "{}", "cleanup.background: paper light everywhere", false},
      {"the same paper once level_below allows it", 226, 250, "{level_below: 235}", "cleanup.background: paper 2",
       true},
      {"grey paper at 212, evenly lit (a typescript on tinted paper)", 212, 214, "{}",
       "cleanup.background: paper even (2", false},
      {"the same paper once min_spread allows it", 212, 214, "{min_spread: 0}", "cleanup.background: paper 2", true},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      Page page = ShadedPage(c.left, c.right);
      REQUIRE(RunPageStage(*MakePageStage("cleanup.background", c.settings), page).ok());
      INFO(Notes(page));
      CHECK(testing::HasNoteStarting(page, c.note));
      // Nothing changed, no OCR copy: Tesseract reads the page as scanned.
      REQUIRE(page.ocr_image.empty() == !c.levelled);
      if (c.levelled) CHECK(page.ocr_image.row(100)[600] >= 250);
    }
  }
}

TEST_CASE("cleanup steps that change nothing leave a colour page in colour for OCR", "[cleanup]") {
  Page page = ShadedPage(250, 250);
  Image rgb(page.image.width(), page.image.height(), PixelFormat::kRgb8, 255);
  for (int y = 0; y < rgb.height(); ++y) {
    for (int x = 0; x < rgb.width(); ++x) {
      for (int c = 0; c < 3; ++c) rgb.row(y)[3 * x + c] = page.image.row(y)[x];
    }
  }
  rgb.set_dpi(300, 300);
  page.image = std::move(rgb);
  for (const char* step : {"cleanup.border", "cleanup.despeckle", "cleanup.punch_holes", "cleanup.background"}) {
    REQUIRE(RunPageStage(*MakePageStage(step), page).ok());
  }
  INFO(Notes(page));
  CHECK(page.ocr_image.empty());
  // A speck to remove makes the gray OCR copy.
  page.image.row(200)[3 * 600] = page.image.row(200)[3 * 600 + 1] = page.image.row(200)[3 * 600 + 2] = 0;
  REQUIRE(RunPageStage(*MakePageStage("cleanup.despeckle"), page).ok());
  REQUIRE(!page.ocr_image.empty());
  CHECK(page.ocr_image.channels() == 1);
  CHECK(page.ocr_image.row(200)[600] == 250);  // painted with the paper
}

TEST_CASE("cleanup.background levels shading and whitens show-through only on dark paper", "[cleanup]") {
  SECTION("light paper shaded from 200 to 250: levelled, the faint mark kept") {
    Page page = ShadedPage(200, 250);
    REQUIRE(RunPageStage(*MakePageStage("cleanup.background"), page).ok());
    INFO(Notes(page));
    REQUIRE(testing::HasNoteStarting(page, "cleanup.background: paper 2"));
    // The shaded left edge became as light as the right one.
    CHECK(page.ocr_image.row(100)[20] >= 245);
    CHECK(page.ocr_image.row(100)[1180] >= 245);
    // Letters stay dark on both sides.
    CHECK(page.ocr_image.row(505)[105] < 170);
    CHECK(page.ocr_image.row(505)[1085] < 170);
    // A faint mark on light paper may be a faint stroke: it stays.
    CHECK(page.ocr_image.row(320)[620] < 245);
  }
  SECTION("carbon-grey paper at 170: show-through whitened, letters kept") {
    Page page = ShadedPage(170, 175);
    REQUIRE(RunPageStage(*MakePageStage("cleanup.background"), page).ok());
    INFO(Notes(page));
    REQUIRE(testing::HasNoteStarting(page, "cleanup.background: paper 1"));
    CHECK(page.ocr_image.row(100)[600] == 255);
    CHECK(page.ocr_image.row(320)[620] == 255);
    CHECK(page.ocr_image.row(505)[605] < 170);
  }
}

TEST_CASE("cleanup.despeckle judges specks against the page's letters, not its stated resolution", "[cleanup]") {
  // 300 small "letters" `letter_height` px high, each with a 1 px dot above
  // it (an i's dot, or dust), on an otherwise white page.
  auto page_with_letters = [](int letter_height) {
    Page page;
    page.image = Image(1200, 1600, PixelFormat::kGray8, 255);
    page.image.set_dpi(300, 300);  // stated, whatever the true scale
    page.dpi = 300;
    for (int i = 0; i < 300; ++i) {
      const int x0 = 40 + (i % 20) * 55, y0 = 100 + (i / 20) * 90;
      for (int y = y0; y < y0 + letter_height; ++y) {
        for (int x = x0; x < x0 + letter_height / 2 + 1; ++x) page.image.row(y)[x] = 0;
      }
      page.image.row(y0 - 3)[x0] = 0;
    }
    return page;
  };
  auto dots_left = [](const Page& page) {
    int left = 0;
    for (int i = 0; i < 300; ++i) {
      const int x0 = 40 + (i % 20) * 55, y0 = 100 + (i / 20) * 90;
      const Image& read = page.ocr_image.empty() ? page.image : page.ocr_image;
      left += read.row(y0 - 3)[x0] == 0;
    }
    return left;
  };
  SECTION("letters 8 px high (an 80 dpi scan said to be 300 dpi): the dots are writing and stay") {
    Page page = page_with_letters(8);
    REQUIRE(RunPageStage(*MakePageStage("cleanup.despeckle"), page).ok());
    INFO(Notes(page));
    CHECK(dots_left(page) == 300);
  }
  SECTION("letters 30 px high (a true 300 dpi page): 1 px marks are dust and go") {
    Page page = page_with_letters(30);
    REQUIRE(RunPageStage(*MakePageStage("cleanup.despeckle"), page).ok());
    INFO(Notes(page));
    CHECK(dots_left(page) == 0);
  }
}

TEST_CASE("cleanup.antialias softens bilevel pages only", "[cleanup]") {
  SECTION("a bilevel page gets gray edges; its letters stay dark, its paper white") {
    Page page = ShadedPage(255, 255);
    for (int y = 0; y < 1600; ++y) {
      for (int x = 0; x < 1200; ++x) page.image.row(y)[x] = page.image.row(y)[x] < 200 ? 0 : 255;
    }
    page.is_fax = true;
    REQUIRE(RunPageStage(*MakePageStage("cleanup.antialias"), page).ok());
    INFO(Notes(page));
    REQUIRE(testing::HasNoteStarting(page, "cleanup.antialias: bilevel edges softened (1.0 px)"));
    REQUIRE_FALSE(page.ocr_image.empty());
    const uint8_t edge = page.ocr_image.row(505)[120];  // a letter's left edge (x 120..139)
    CHECK(edge > 40);
    CHECK(edge < 215);
    CHECK(page.ocr_image.row(505)[130] < 20);   // inside the letter
    CHECK(page.ocr_image.row(100)[600] == 255);  // paper
    CHECK(page.image.row(505)[120] == 0);        // the display image keeps its pixels
  }
  SECTION("a gray page is left alone") {
    Page page = ShadedPage(250, 252);
    REQUIRE(RunPageStage(*MakePageStage("cleanup.antialias"), page).ok());
    CHECK(testing::HasNoteStarting(page, "cleanup.antialias: not bilevel"));
    CHECK(page.ocr_image.empty());
  }
}

TEST_CASE("cleanup.despeckle keeps the dark grains of faint strokes and removes dust", "[cleanup]") {
  // Paper at 240 with 300 dark letters 30 px high; 100 faint strokes (gray
  // 160, lighter than the ink mask's 0.6 x paper) each with a 2x2 grain at
  // 100 inside, as the darkest bits of a worn typewriter letter; and 100
  // dust specks of the same size on bare paper.
  Page page;
  page.image = Image(1200, 1600, PixelFormat::kGray8, 240);
  page.image.set_dpi(300, 300);
  page.dpi = 300;
  auto fill = [&](int x0, int y0, int w, int h, uint8_t v) {
    for (int y = y0; y < y0 + h; ++y) {
      for (int x = x0; x < x0 + w; ++x) page.image.row(y)[x] = v;
    }
  };
  for (int i = 0; i < 300; ++i) fill(40 + (i % 20) * 55, 100 + (i / 20) * 60, 16, 30, 60);
  for (int i = 0; i < 100; ++i) {
    const int x = 40 + (i % 20) * 55, y = 1050 + (i / 20) * 60;
    fill(x, y, 5, 30, 160);  // the stroke
    fill(x + 1, y + 14, 2, 2, 100);  // its grain
    fill(x + 30, y + 14, 2, 2, 100);  // dust beside it
  }
  auto grains_left = [](const Page& p) {
    int left = 0;
    for (int i = 0; i < 100; ++i) left += p.ocr_image.row(1050 + (i / 20) * 60 + 14)[40 + (i % 20) * 55 + 1] == 100;
    return left;
  };
  auto dust_left = [](const Page& p) {
    int left = 0;
    for (int i = 0; i < 100; ++i) left += p.ocr_image.row(1050 + (i / 20) * 60 + 14)[40 + (i % 20) * 55 + 30] == 100;
    return left;
  };
  SECTION("by default") {
    REQUIRE(RunPageStage(*MakePageStage("cleanup.despeckle"), page).ok());
    INFO(Notes(page));
    REQUIRE_FALSE(page.ocr_image.empty());
    CHECK(grains_left(page) == 100);
    CHECK(dust_left(page) == 0);
    CHECK(testing::HasNoteStarting(page, "cleanup.despeckle: 100 speck(s)"));
  }
  SECTION("with keep_stroke_grains: false the grains go too") {
    REQUIRE(RunPageStage(*MakePageStage("cleanup.despeckle", "{keep_stroke_grains: false}"), page).ok());
    INFO(Notes(page));
    CHECK(grains_left(page) == 0);
    CHECK(dust_left(page) == 0);
  }
}

}  // namespace
}  // namespace facteur
