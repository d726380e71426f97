#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <memory>
#include <string>

#include <unistd.h>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include "facteur/ocr_engine.h"
#include "testing/corpus.h"
#include "testing/load_image.h"

namespace facteur {
namespace {

namespace fs = std::filesystem;

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

// The letterhead reads "THE SLEREXE COMPANY": compare without case.
bool HasSlerexe(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text.find("slerexe") != std::string::npos;
}

// A fresh folder under the system temp dir, removed at scope exit.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("facteur-ocr-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

TEST_CASE("TesseractEngine reads the English CCITT test page with boxes and confidences",
          "[ocr][tesseract]") {
  Image image = Load("fax/CCITT_1.TIF");
  auto engine = MakeEngine("eng");
  TempDir dir;
  const std::string pdf = (dir.path / "p0001.pdf").string();

  auto text = engine->Recognize(image, pdf);
  REQUIRE(text.has_value());
  CHECK(HasSlerexe(text->text));
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

  SECTION("and writes a one-page searchable PDF at the image's dpi") {
    REQUIRE(fs::exists(pdf));
    CHECK_FALSE(fs::exists(pdf + ".tmp.pdf"));
    // A bilevel page is embedded as 1-bpp G4, far smaller than 8-bit pixels.
    CHECK(fs::file_size(pdf) < 200 * 1024);
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf));
    REQUIRE(doc);
    REQUIRE(doc->pages() == 1);
    std::unique_ptr<poppler::page> page(doc->create_page(0));
    REQUIRE(page);
    const poppler::rectf box = page->page_rect();
    CHECK(box.width() == Approx(image.width() / image.dpi_x() * 72).margin(0.5));
    CHECK(box.height() == Approx(image.height() / image.dpi_y() * 72).margin(0.5));
    const auto layer = page->text().to_utf8();
    CHECK(HasSlerexe(std::string(layer.begin(), layer.end())));
  }
}

TEST_CASE("TesseractEngine reads the French CCITT test page", "[ocr][tesseract]") {
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

TEST_CASE("NewTesseractEngine names a language that is not installed", "[ocr]") {
  auto engine = NewTesseractEngine(OcrOptions{.languages = "eng+xyz"});
  REQUIRE_FALSE(engine.has_value());
  CHECK(engine.error().code() == Status::Code::kNotFound);
  CHECK(engine.error().message().find("'xyz'") != std::string::npos);
  CHECK(engine.error().message().find("tessdata") != std::string::npos);
}

TEST_CASE("NewTesseractEngine rejects a malformed language list", "[ocr]") {
  auto engine = NewTesseractEngine(OcrOptions{.languages = "eng+../x"});
  REQUIRE_FALSE(engine.has_value());
  CHECK(engine.error().code() == Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace facteur
