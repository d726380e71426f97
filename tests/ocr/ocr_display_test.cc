#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "ocr/ocr_stage.h"

namespace facteur {
namespace {

// Remembers the first pixel of the image read and of the image shown.
class DisplayEngine : public OcrEngine {
 public:
  DisplayEngine(int* read, int* shown) : read_(read), shown_(shown) {}
  Result<PageText> Recognize(const Image& image, const std::string&) override {
    *read_ = image.data()[0];
    *shown_ = image.data()[0];
    return PageText{.text = "text", .words = {}, .mean_confidence = 90};
  }
  Result<PageText> RecognizeWithDisplay(const Image& ocr, const Image& display, const std::string&) override {
    *read_ = ocr.data()[0];
    *shown_ = display.data()[0];
    return PageText{.text = "text", .words = {}, .mean_confidence = 90};
  }

 private:
  int* read_;
  int* shown_;
};

TEST_CASE("ocr.tesseract reads the cleaned copy and shows the display image", "[ocr][cleanup]") {
  int read = -1, shown = -1;
  OcrStageOptions options;
  options.write_pdf = false;
  auto stage = NewOcrStage(options, [&](const OcrOptions&) -> Result<std::unique_ptr<OcrEngine>> {
    return std::unique_ptr<OcrEngine>(new DisplayEngine(&read, &shown));
  });
  auto worker = stage->NewWorker();
  REQUIRE(worker.has_value());
  Document doc;
  Page page;
  page.image = Image(8, 8, PixelFormat::kGray8, 200);
  SECTION("with an OCR copy") {
    page.ocr_image = Image(8, 8, PixelFormat::kGray8, 255);
    REQUIRE((*worker)->Run(page, doc, "/tmp").ok());
    CHECK(read == 255);
    CHECK(shown == 200);
  }
  SECTION("without one") {
    REQUIRE((*worker)->Run(page, doc, "/tmp").ok());
    CHECK(read == 200);
    CHECK(shown == 200);
  }
  SECTION("a blank page is not read") {
    page.blank = true;
    REQUIRE((*worker)->Run(page, doc, "/tmp").ok());
    CHECK(read == -1);
  }
}

}  // namespace
}  // namespace facteur
