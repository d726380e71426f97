#include <catch2/catch.hpp>
#include <string>

#include "cleanup_test_util.h"

namespace facteur {
namespace {

using testing::LoadCorpusPage;
using testing::MakePageStage;
using testing::Notes;
using testing::RunPageStage;

// Paints a black disc of `diameter` pixels centred at (cx, cy).
void Disc(Image& image, int cx, int cy, int diameter) {
  const int r = diameter / 2;
  for (int y = cy - r; y <= cy + r; ++y) {
    for (int x = cx - r; x <= cx + r; ++x) {
      if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) image.row(y)[x] = 0;
    }
  }
}

// An A4 page at 300 dpi with two ISO punch holes (6 mm, 12 mm from the left
// edge, 80 mm apart) and a little dust.
Page PunchedBlankPage() {
  Page page;
  page.image = Image(2480, 3508, PixelFormat::kGray8, 250);
  page.image.set_dpi(300, 300);
  page.dpi = 300;
  page.width = 2480;
  page.height = 3508;
  const int mm = 300 / 25.4 + 0.5;
  Disc(page.image, 12 * mm, 3508 / 2 - 40 * mm, 6 * mm);
  Disc(page.image, 12 * mm, 3508 / 2 + 40 * mm, 6 * mm);
  for (int i = 0; i < 40; ++i) page.image.row(300 + i * 71)[200 + (i * 397) % 2000] = 0;
  return page;
}

TEST_CASE("cleanup.blank finds the blank pages of the corpus", "[cleanup]") {
  auto stage = MakePageStage("cleanup.blank");
  for (const char* file : {"fax/CCITT-bounds.tif", "pdf/blank.pdf", "fax/1pagefax.tif"}) {
    SECTION(file) {
      Page page = LoadCorpusPage(file);
      REQUIRE(RunPageStage(*stage, page, file).ok());
      INFO(Notes(page));
      CHECK(page.blank);
      CHECK(page.blank_score >= 0);
      CHECK(page.blank_score < 0.5);
    }
  }
}

TEST_CASE("cleanup.blank counts a page with only punch holes as blank", "[cleanup]") {
  Page page = PunchedBlankPage();
  REQUIRE(RunPageStage(*MakePageStage("cleanup.blank"), page).ok());
  INFO(Notes(page));
  CHECK(page.blank);
  SECTION("but not once the holes stand in the middle of the page") {
    Page moved;
    moved.image = Image(2480, 3508, PixelFormat::kGray8, 250);
    moved.image.set_dpi(300, 300);
    for (int i = 0; i < 6; ++i) Disc(moved.image, 800 + i * 150, 1700, 71);
    REQUIRE(RunPageStage(*MakePageStage("cleanup.blank"), moved).ok());
    INFO(Notes(moved));
    CHECK_FALSE(moved.blank);
  }
}

TEST_CASE("cleanup.blank keeps pages with writing", "[cleanup]") {
  auto stage = MakePageStage("cleanup.blank");
  for (const char* file : {"ocr-truth/phototest.tif", "fax/CCITT_1.TIF", "fax/2.tif", "pdf/cardinal.pdf"}) {
    SECTION(file) {
      Page page = LoadCorpusPage(file);
      REQUIRE(RunPageStage(*stage, page, file).ok());
      INFO(Notes(page));
      CHECK_FALSE(page.blank);
      CHECK(page.blank_score > 0.5);
    }
  }
}

TEST_CASE("quality flags a 75% black page, which is not blank", "[cleanup]") {
  Page page = LoadCorpusPage("fax/2.tif");
  REQUIRE(RunPageStage(*MakePageStage("cleanup.blank"), page).ok());
  CHECK_FALSE(page.blank);
  page.text.text = "";
  REQUIRE(RunPageStage(*MakePageStage("quality"), page).ok());
  INFO(Notes(page));
  REQUIRE(!page.quality_flags.empty());
  CHECK(page.quality_flags[0] == "too dark");
}

TEST_CASE("quality passes a clean page and flags weak OCR", "[cleanup]") {
  Page page = LoadCorpusPage("ocr-truth/phototest.tif");
  page.text.text = "This is a lot of 12 point text to test the ocr code and see if it works";
  page.text.mean_confidence = 92;
  REQUIRE(RunPageStage(*MakePageStage("quality"), page).ok());
  INFO(Notes(page));
  CHECK(page.quality_flags.empty());
  page.text.text = "Th";
  page.text.mean_confidence = 31;
  REQUIRE(RunPageStage(*MakePageStage("quality"), page).ok());
  CHECK(page.quality_flags == std::vector<std::string>{"too little text", "low OCR confidence"});
}

TEST_CASE("cleanup.punch_holes removes holes from the OCR copy only", "[cleanup]") {
  Page page = PunchedBlankPage();
  REQUIRE(RunPageStage(*MakePageStage("cleanup.punch_holes"), page).ok());
  INFO(Notes(page));
  CHECK(Notes(page).find("cleanup.punch_holes: 2 hole(s) removed") != std::string::npos);
  const int mm = 300 / 25.4 + 0.5;
  const int cy = 3508 / 2 - 40 * mm;
  CHECK(page.image.row(cy)[12 * mm] == 0);       // the display keeps them
  CHECK(page.ocr_image.row(cy)[12 * mm] == 250);  // OCR sees paper (250) there
}

TEST_CASE("cleanup.border removes a black scanner edge from the OCR copy", "[cleanup]") {
  Page page = LoadCorpusPage("ocr-truth/phototest.tif");
  for (int y = 0; y < page.image.height(); ++y) {
    for (int x = 0; x < 25; ++x) page.image.row(y)[x * page.image.channels()] = 0;
  }
  REQUIRE(RunPageStage(*MakePageStage("cleanup.border"), page).ok());
  INFO(Notes(page));
  CHECK(Notes(page).find("cleanup.border: 1 dark edge region(s) removed") != std::string::npos);
  CHECK(page.ocr_image.row(page.image.height() / 2)[10] == 255);
}

TEST_CASE("cleanup.border paints a removed edge with the paper's grey, not white", "[cleanup]") {
  // On grey paper a white strip would be a new mark: background levelling
  // and Tesseract's Otsu threshold would take it for the paper.
  Page page;
  page.image = Image(1240, 1754, PixelFormat::kGray8, 170);
  page.image.set_dpi(150, 150);
  for (int y = 0; y < page.image.height(); ++y) {
    for (int x = 0; x < 20; ++x) page.image.row(y)[x] = 10;
  }
  for (int x = 300; x < 900; x += 12) {
    for (int y = 400; y < 420; ++y) page.image.row(y)[x] = page.image.row(y)[x + 1] = 30;  // a line of "letters"
  }
  REQUIRE(RunPageStage(*MakePageStage("cleanup.border"), page).ok());
  INFO(Notes(page));
  CHECK(Notes(page).find("cleanup.border: 1 dark edge region(s) removed") != std::string::npos);
  CHECK(page.ocr_image.row(800)[10] == 170);
  CHECK(page.ocr_image.row(410)[300] == 30);  // the writing stays
  CHECK(page.image.row(800)[10] == 10);       // the display image keeps its edge
}

TEST_CASE("cleanup.despeckle removes salt noise and fax line noise", "[cleanup]") {
  Page page;
  page.image = Image(1728, 2200, PixelFormat::kGray8, 255);
  page.image.set_dpi(204, 204);
  page.is_fax = true;
  for (int i = 0; i < 500; ++i) page.image.row(100 + (i * 37) % 2000)[50 + (i * 131) % 1600] = 0;
  for (int x = 100; x < 1600; ++x) page.image.row(1000)[x] = 0;  // a streak
  for (int y = 500; y < 560; ++y) {
    for (int x = 500; x < 560; ++x) page.image.row(y)[x] = 0;  // a solid block stays
  }
  auto stage = MakePageStage("cleanup.despeckle", "{fax: {lines: true, max_speck_mm: 0.3}}");
  REQUIRE(RunPageStage(*stage, page).ok());
  INFO(Notes(page));
  CHECK(Notes(page).find("500 speck(s)") != std::string::npos);
  CHECK(page.ocr_image.row(1000)[800] == 255);
  CHECK(page.ocr_image.row(530)[530] == 0);
}

}  // namespace
}  // namespace facteur
