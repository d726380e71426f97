#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <set>
#include <string>

#include "cleanup/geometry.h"
#include "cleanup/ink.h"
#include "cleanup/opencv_image.h"
#include "cleanup_test_util.h"
#include "facteur/ocr_engine.h"

namespace facteur {
namespace {

using testing::LoadCorpusPage;
using testing::MakePageStage;
using testing::Notes;
using testing::RunPageStage;

// Recognises a page with real Tesseract (English, one engine per call).
std::string ReadText(const Image& image) {
  OcrOptions options;
  options.languages = "eng";
  auto engine = NewTesseractEngine(options);
  REQUIRE(engine.has_value());
  auto text = (*engine)->Recognize(image, "");
  REQUIRE(text.has_value());
  return text->text;
}

TEST_CASE("cleanup.orientation turns each rotated phototest variant upright", "[cleanup][tesseract]") {
  auto stage = MakePageStage("cleanup.orientation");
  const char* files[] = {"ocr-truth/phototest-rotated-180.png", "ocr-truth/phototest-rotated-L.png",
                         "ocr-truth/phototest-rotated-R.png", "ocr-truth/phototestrot.tif"};
  Page reference = LoadCorpusPage("ocr-truth/phototest.tif");
  for (const char* file : files) {
    SECTION(file) {
      Page page = LoadCorpusPage(file);
      REQUIRE(RunPageStage(*stage, page, file).ok());
      INFO(Notes(page));
      CHECK(testing::HasNoteStarting(page, "cleanup.orientation: rotated"));
      // Upright: landscape like the original, and it reads.
      CHECK(page.width > page.height);
      CHECK(page.width == page.image.width());
      const std::string text = ReadText(page.image);
      INFO(text);
      CHECK(text.find("quick brown") != std::string::npos);
    }
  }
  SECTION("an upright page is left alone") {
    REQUIRE(RunPageStage(*stage, reference).ok());
    INFO(Notes(reference));
    CHECK(testing::HasNoteStarting(reference, "cleanup.orientation: upright"));
  }
}

TEST_CASE("cleanup.orientation turns every page of cardinal.pdf upright", "[cleanup][tesseract]") {
  auto stage = MakePageStage("cleanup.orientation");
  auto detector = NewTesseractOrientationDetector(OcrOptions{});
  REQUIRE(detector.has_value());
  const int count = testing::CorpusPageCount("pdf/cardinal.pdf");
  REQUIRE(count == 4);
  std::set<int> turns;
  for (int i = 0; i < count; ++i) {
    Page page = LoadCorpusPage("pdf/cardinal.pdf", i);
    auto before = (*detector)->Detect(page.image);
    REQUIRE(before.has_value());
    turns.insert(before->rotate_degrees);
    REQUIRE(RunPageStage(*stage, page, "cardinal.pdf").ok());
    INFO("page " << i + 1 << ": " << Notes(page));
    auto after = (*detector)->Detect(page.image);
    REQUIRE(after.has_value());
    CHECK(after->rotate_degrees == 0);
  }
  // The file shows the four orientations, so the test is not vacuous.
  CHECK(turns.size() == 4);
}

// Leptonica's rule wants one direction 2.5 times surer than the other; these
// pages give 13.2 against 6.6 and 17.8 against 8.0, and the text lines settle
// them without OSD.
TEST_CASE("cleanup.orientation settles an unsure ascender count by the text lines", "[cleanup]") {
  auto stage = MakePageStage("cleanup.orientation");
  SECTION("cardinal.pdf's sideways page is turned") {
    Page page = LoadCorpusPage("pdf/cardinal.pdf", 3);
    const int width = page.width;
    REQUIRE(RunPageStage(*stage, page).ok());
    INFO(Notes(page));
    CHECK(Notes(page).find("text lines down") != std::string::npos);
    CHECK(Notes(page).find("OSD") == std::string::npos);
    CHECK(page.height == width);
  }
  SECTION("unpaper's upright goldenF is left as it is") {
    Page page = LoadCorpusPage("cleanup/golden_images/goldenF.pbm");
    const int width = page.width;
    REQUIRE(RunPageStage(*stage, page).ok());
    INFO(Notes(page));
    CHECK(testing::HasNoteStarting(page, "cleanup.orientation: upright (ascender count"));
    CHECK(Notes(page).find("text lines across") != std::string::npos);
    CHECK(page.width == width);
  }
}

TEST_CASE("cleanup.orientation leaves a page alone below its confidence threshold", "[cleanup][tesseract]") {
  auto stage = MakePageStage("cleanup.orientation", "{min_confidence: 1000, ascenders: false, verify_below: 0}");
  Page page = LoadCorpusPage("ocr-truth/phototest-rotated-180.png");
  const int width = page.width;
  REQUIRE(RunPageStage(*stage, page).ok());
  INFO(Notes(page));
  CHECK(testing::HasNoteStarting(page, "cleanup.orientation: kept"));
  CHECK(page.width == width);
}

// `page` drawn at the top of a sheet three times its height, the rest blank:
// the few lines of a letter's last page.
Page OnTallSheet(const Page& page) {
  const cv::Mat view = cleanup::GrayMat(page.image);
  cv::Mat sheet(view.rows * 3, view.cols, CV_8UC1, cv::Scalar(255));
  view.copyTo(sheet(cv::Rect(0, 0, view.cols, view.rows)));
  Page tall;
  tall.image = cleanup::FromMat(sheet, page.image.dpi_x(), page.image.dpi_y());
  tall.width = sheet.cols;
  tall.height = sheet.rows;
  return tall;
}

TEST_CASE("cleanup.orientation turns on a weak OSD vote only when the page reads clearly better turned",
          "[cleanup][tesseract]") {
  // min_confidence 1000 makes every vote weak.
  auto stage = MakePageStage("cleanup.orientation", "{min_confidence: 1000, ascenders: false}");
  SECTION("a turned page that reads better turned is turned") {
    Page page = LoadCorpusPage("ocr-truth/phototest-rotated-180.png");
    REQUIRE(RunPageStage(*stage, page).ok());
    INFO(Notes(page));
    CHECK(testing::HasNoteStarting(page, "cleanup.orientation: rotated 180 (weak OSD confidence"));
  }
  SECTION("so is a short page whose lines are far from the sheet's middle") {
    Page page = OnTallSheet(LoadCorpusPage("ocr-truth/phototest-rotated-180.png"));
    REQUIRE(RunPageStage(*stage, page).ok());
    INFO(Notes(page));
    CHECK(testing::HasNoteStarting(page, "cleanup.orientation: rotated 180 (weak OSD confidence"));
  }
  SECTION("a wrong vote on an upright typescript is dropped") {
    // OSD says 180 for this upright 1913 typescript (see below).
    Page page = LoadCorpusPage("ocr-truth/tapuscorpus/AN-96AP_1-journal-dactylographie/FRAN_0150_0005_L-medium.jpg");
    REQUIRE(RunPageStage(*stage, page).ok());
    INFO(Notes(page));
    CHECK(testing::HasNoteStarting(page, "cleanup.orientation: kept; OSD suggests 180"));
    CHECK(Notes(page).find("does not read clearly better turned") != std::string::npos);
  }
}

TEST_CASE("cleanup.orientation drops a doubtful OSD vote that the page's reading contradicts",
          "[cleanup][tesseract]") {
  // OSD says 180 (confidence ~6.6) for this upright 1913 typescript; read both
  // ways, the page reads far better as it is.
  const char kTypescript[] =
      "ocr-truth/tapuscorpus/AN-96AP_1-journal-dactylographie/FRAN_0150_0005_L-medium.jpg";
  SECTION("checked: kept as it is") {
    auto stage = MakePageStage("cleanup.orientation", "{ascenders: false}");
    Page page = LoadCorpusPage(kTypescript);
    REQUIRE(RunPageStage(*stage, page).ok());
    INFO(Notes(page));
    CHECK(testing::HasNoteStarting(page, "cleanup.orientation: kept; OSD suggests 180"));
  }
  SECTION("unchecked (verify_below: 0): the vote turns it") {
    auto stage = MakePageStage("cleanup.orientation", "{ascenders: false, verify_below: 0}");
    Page page = LoadCorpusPage(kTypescript);
    REQUIRE(RunPageStage(*stage, page).ok());
    INFO(Notes(page));
    CHECK(testing::HasNoteStarting(page, "cleanup.orientation: rotated 180"));
  }
  SECTION("by default the ascender count finds it upright and OSD is not asked") {
    auto stage = MakePageStage("cleanup.orientation");
    Page page = LoadCorpusPage(kTypescript);
    REQUIRE(RunPageStage(*stage, page).ok());
    INFO(Notes(page));
    CHECK(testing::HasNoteStarting(page, "cleanup.orientation: upright (ascender count"));
  }
}

TEST_CASE("the ascender vote tells how far each turn of a page is from upright", "[cleanup]") {
  for (int turn : {0, 90, 180, 270}) {
    Page page = LoadCorpusPage("ocr-truth/phototest.tif");
    if (turn != 0) cleanup::RotatePageQuarter(page, turn);
    auto vote = cleanup::VoteAscenders(page.image);
    REQUIRE(vote.has_value());
    INFO("turned " << turn << " degrees: up " << vote->up << ", sideways " << vote->sideways);
    CHECK(vote->rotate_degrees == (360 - turn) % 360);
  }
}

TEST_CASE("the ascender vote is unsure of a page without text lines", "[cleanup]") {
  Image blank(1240, 1754, PixelFormat::kGray8);
  for (int y = 0; y < blank.height(); ++y) std::memset(blank.row(y), 255, blank.stride());
  auto vote = cleanup::VoteAscenders(blank);
  REQUIRE(vote.has_value());
  CHECK(vote->rotate_degrees == -1);
  SECTION("the step says so, then asks OSD") {
    Page page;
    page.image = blank.Clone();
    auto stage = MakePageStage("cleanup.orientation");
    REQUIRE(RunPageStage(*stage, page).ok());
    INFO(Notes(page));
    CHECK(testing::HasNoteStarting(page, "cleanup.orientation: ascender count unsure (up 0.0, sideways 0.0)"));
    CHECK(testing::HasNoteStarting(page, "cleanup.orientation: kept, too little text to tell"));
  }
}

TEST_CASE("the writing box leaves out specks, scanner borders and large blocks", "[cleanup]") {
  cv::Mat page(1000, 800, CV_8UC1, cv::Scalar(255));
  SECTION("a blank page has none") { CHECK(cleanup::WritingBox(page, 3).empty()); }
  cv::rectangle(page, cv::Rect(0, 0, 12, 1000), cv::Scalar(0), cv::FILLED);       // scanner border
  cv::rectangle(page, cv::Rect(700, 900, 2, 2), cv::Scalar(0), cv::FILLED);       // speck
  cv::rectangle(page, cv::Rect(100, 500, 500, 400), cv::Scalar(0), cv::FILLED);   // photograph
  for (int x = 200; x < 400; x += 20) cv::rectangle(page, cv::Rect(x, 100, 12, 16), cv::Scalar(0), cv::FILLED);
  cv::rectangle(page, cv::Rect(200, 140, 100, 16), cv::Scalar(0), cv::FILLED);
  CHECK(cleanup::WritingBox(page, 3) == cv::Rect(200, 100, 192, 56));
}

TEST_CASE("cleanup.deskew straightens a skewed page to within 0.2 degree", "[cleanup]") {
  auto stage = MakePageStage("cleanup.deskew");
  for (double angle : {2.7, -1.3, 0.6, 8.0}) {
    SECTION("skewed by " + std::to_string(angle)) {
      Page page = LoadCorpusPage("ocr-truth/phototest.tif");
      auto straight = cleanup::FindSkew(page.image, 15);
      REQUIRE(straight.has_value());
      REQUIRE(std::fabs(straight->degrees) < 0.2);
      page.image = cleanup::RotateImage(page.image, angle);
      REQUIRE(RunPageStage(*stage, page).ok());
      INFO(Notes(page));
      CHECK(testing::HasNoteStarting(page, "cleanup.deskew:"));
      auto after = cleanup::FindSkew(page.image, 15);
      REQUIRE(after.has_value());
      CHECK(std::fabs(after->degrees) < 0.2);
      // The page was measured, not just left alone: the turn undid `angle`.
      const std::string notes = Notes(page);
      const size_t colon = notes.find(": ");
      REQUIRE(notes.find("corrected") != std::string::npos);
      CHECK(std::stod(notes.substr(colon + 2)) == Approx(-angle).margin(0.2));
    }
  }
}

TEST_CASE("cleanup steps keep the display image and the OCR copy aligned", "[cleanup]") {
  Page page = LoadCorpusPage("ocr-truth/phototest.tif");
  page.image = cleanup::RotateImage(page.image, 3);
  REQUIRE(RunPageStage(*MakePageStage("cleanup.binarize"), page).ok());
  REQUIRE(!page.ocr_image.empty());
  REQUIRE(RunPageStage(*MakePageStage("cleanup.deskew"), page).ok());
  CHECK(page.ocr_image.width() == page.image.width());
  CHECK(page.ocr_image.height() == page.image.height());
  auto display = cleanup::FindSkew(page.image, 15);
  auto ocr = cleanup::FindSkew(page.ocr_image, 15);
  REQUIRE(display.has_value());
  REQUIRE(ocr.has_value());
  CHECK(std::fabs(display->degrees) < 0.2);
  CHECK(std::fabs(ocr->degrees) < 0.2);
}

TEST_CASE("cleanup steps read fax overrides and can be switched off", "[cleanup]") {
  Page page = LoadCorpusPage("ocr-truth/phototest.tif");
  page.image = cleanup::RotateImage(page.image, 2);
  SECTION("enabled: false does nothing") {
    REQUIRE(RunPageStage(*MakePageStage("cleanup.deskew", "{enabled: false}"), page).ok());
    CHECK(page.notes.empty());
  }
  SECTION("fax: {enabled: false} spares fax pages only") {
    auto stage = MakePageStage("cleanup.deskew", "{fax: {enabled: false}}");
    page.is_fax = true;
    REQUIRE(RunPageStage(*stage, page).ok());
    CHECK(page.notes.empty());
    page.is_fax = false;
    REQUIRE(RunPageStage(*stage, page).ok());
    CHECK(testing::HasNoteStarting(page, "cleanup.deskew:"));
  }
  SECTION("an unknown key is an error naming the file") {
    auto settings = Settings::Parse("{max_angel: 3}", "p.yaml");
    REQUIRE(settings.has_value());
    auto stage = (*BuiltinStages().Find("cleanup.deskew"))(*settings);
    REQUIRE(!stage.has_value());
    CHECK(stage.error().message().find("p.yaml:1") != std::string::npos);
    CHECK(stage.error().message().find("unknown setting 'max_angel'") != std::string::npos);
  }
}

}  // namespace
}  // namespace facteur
