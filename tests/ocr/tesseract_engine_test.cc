#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "facteur/ocr_engine.h"
#include "testing/corpus.h"
#include "testing/load_image.h"
#include "testing/pdf_text.h"
#include "testing/temp_dir.h"

namespace facteur {
namespace {

namespace fs = std::filesystem;
using testing::Lower;

std::unique_ptr<OcrEngine> MakeEngine(const std::string& languages) {
  auto engine = NewTesseractEngine(OcrOptions{.languages = languages});
  REQUIRE(engine.has_value());
  return std::move(engine.value());
}

Image Load(const std::string& corpus_path) {
  auto image = testing::LoadImage(testing::CorpusPath(corpus_path));
  REQUIRE(image.has_value());
  return std::move(image.value());
}

// The letterhead reads "THE SLEREXE COMPANY LIMITED".
TEST_CASE("TesseractEngine reads the English CCITT letter with word boxes and a page PDF",
          "[ocr][tesseract]") {
  Image image = Load("fax/CCITT_1.TIF");
  REQUIRE(image.dpi_y() == 200);
  auto engine = MakeEngine("eng");
  testing::TempDir dir;
  const std::string pdf = dir.File("p0001.pdf");

  auto text = engine->Recognize(image, pdf);
  REQUIRE(text.has_value());
  CHECK(Lower(text->text).find("slerexe") != std::string::npos);
  CHECK(text->mean_confidence > 50);
  REQUIRE(text->words.size() > 20);
  for (const WordBox& w : text->words) {
    CHECK(w.x >= 0);
    CHECK(w.y >= 0);
    CHECK(w.w > 0);
    CHECK(w.h > 0);
    CHECK(w.x + w.w <= image.width());
    CHECK(w.y + w.h <= image.height());
    CHECK(w.confidence >= 0);
    CHECK(w.confidence <= 100);
  }

  REQUIRE(fs::exists(pdf));
  CHECK_FALSE(fs::exists(pdf + ".tmp.pdf"));
  // Bilevel pages go in as 1-bpp G4: 8-bit JPEG of this page is ~10x bigger.
  CHECK(fs::file_size(pdf) < 100 * 1024);
  auto pages = testing::ReadPdfPages(pdf);
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].width_pt == Approx(image.width() / 200.0 * 72).margin(0.5));
  CHECK(pages[0].height_pt == Approx(image.height() / 200.0 * 72).margin(0.5));
  CHECK(Lower(pages[0].text).find("slerexe") != std::string::npos);
}

TEST_CASE("TesseractEngine reads the French CCITT page", "[ocr][tesseract]") {
  Image image = Load("fax/CCITT_4.TIF");
  auto engine = MakeEngine("fra");
  auto text = engine->Recognize(image, "");
  REQUIRE(text.has_value());
  for (const char* word : {"Télécommunications", "Générale", "projet", "conception", "réalisation"}) {
    INFO(word);
    CHECK(text->text.find(word) != std::string::npos);
  }
  CHECK(text->mean_confidence > 50);
}

// A typed sheet of the tapuscorpus (512x708 px): psm 3's layout leaves out
// short lines beside its drawing, among them `à partir "d'airs de foire"`.
TEST_CASE("TesseractEngine reads again the lines the page layout dropped, into the text and the PDF",
          "[ocr][tesseract]") {
  Image image = Load("ocr-truth/tapuscorpus/europeana-random-selection/9200518_ark__12148_btv1b53157893j.jpeg");
  testing::TempDir dir;

  auto plain = NewTesseractEngine(OcrOptions{.recover_dropped_text = false});
  REQUIRE(plain.has_value());
  auto dropped = (*plain)->Recognize(image, "");
  REQUIRE(dropped.has_value());
  CHECK(dropped->text.find("foire") == std::string::npos);
  CHECK(dropped->recovered_blocks == 0);

  auto engine = NewTesseractEngine(OcrOptions{});
  REQUIRE(engine.has_value());
  const std::string pdf = dir.File("p0001.pdf");
  auto text = (*engine)->Recognize(image, pdf);
  REQUIRE(text.has_value());
  CHECK(text->recovered_blocks >= 1);
  CHECK(text->words.size() > dropped->words.size());
  const size_t foire = text->text.find("foire");
  REQUIRE(foire != std::string::npos);
  // In reading order: after the line above it on the sheet, not at the end.
  CHECK(text->text.find("musique") < foire);
  CHECK(foire < text->text.find("fronton"));
  // The page PDF's text layer has it too, and the overlays are gone.
  auto pages = testing::ReadPdfPages(pdf);
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].text.find("foire") != std::string::npos);
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("NewTesseractEngine names a language that is not installed", "[ocr]") {
  auto engine = NewTesseractEngine(OcrOptions{.languages = "eng+xyz"});
  REQUIRE_FALSE(engine.has_value());
  CHECK(engine.error().code() == Status::Code::kNotFound);
  CHECK(engine.error().message().find("'xyz'") != std::string::npos);
  CHECK(engine.error().message().find("tessdata") != std::string::npos);
}

TEST_CASE("NewTesseractEngine rejects a malformed language list and a text-less psm", "[ocr]") {
  auto bad_list = NewTesseractEngine(OcrOptions{.languages = "eng+../x"});
  REQUIRE_FALSE(bad_list.has_value());
  CHECK(bad_list.error().code() == Status::Code::kInvalidArgument);
  auto bad_psm = NewTesseractEngine(OcrOptions{.languages = "eng", .psm = 0});
  REQUIRE_FALSE(bad_psm.has_value());
  CHECK(bad_psm.error().code() == Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace facteur
