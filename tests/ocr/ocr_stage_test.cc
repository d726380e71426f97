#include "ocr/ocr_stage.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "core/stage_registry.h"
#include "facteur/settings.h"
#include "ocr/leptonica_image.h"
#include "testing/pdf_text.h"
#include "testing/temp_dir.h"

namespace facteur {
namespace {

namespace fs = std::filesystem;

// Answers every page with `result`; on success writes an image-only page PDF
// the way the real engine writes a searchable one. Counts its calls.
class FakeEngine : public OcrEngine {
 public:
  FakeEngine(Result<PageText> result, int* calls) : result_(std::move(result)), calls_(calls) {}
  Result<PageText> Recognize(const Image& image, const std::string& pdf_path) override {
    ++*calls_;
    if (result_ && !pdf_path.empty()) REQUIRE(WriteImagePdf(image, pdf_path).ok());
    return result_;
  }

 private:
  Result<PageText> result_;
  int* calls_;
};

OcrEngineFactory FakeFactory(Result<PageText> result, int* calls) {
  return [result, calls](const OcrOptions&) -> Result<std::unique_ptr<OcrEngine>> {
    return std::unique_ptr<OcrEngine>(new FakeEngine(result, calls));
  };
}

Page BlankPage(int index) {
  Page page;
  page.index = index;
  page.image = Image(400, 300, PixelFormat::kGray8);
  page.image.set_dpi(100, 100);
  return page;
}

// The settings section of the first stage of a small pipeline file.
Settings Section(const std::string& body) {
  auto file = Settings::Parse("stages:\n  - ocr.tesseract:\n" + body, "pipelines/test.yaml");
  REQUIRE(file.has_value());
  auto stages = file->Items("stages");
  REQUIRE(stages.has_value());
  REQUIRE(stages->size() == 1);
  auto section = (*stages)[0].Child("ocr.tesseract");
  REQUIRE(section.has_value());
  return *section;
}

TEST_CASE("OcrStage stores the engine's text and the page PDF path", "[ocr]") {
  int calls = 0;
  PageText text{.text = "bonjour", .words = {{"bonjour", 10, 10, 50, 12, 91}}, .mean_confidence = 91};
  auto stage = NewOcrStage(OcrStageOptions{}, FakeFactory(text, &calls));
  CHECK(stage->Name() == "ocr.tesseract");
  auto worker = stage->NewWorker();
  REQUIRE(worker.has_value());
  testing::TempDir dir;
  Document doc;
  Page page = BlankPage(2);

  REQUIRE((*worker)->Run(page, doc, dir.path()).ok());
  CHECK(calls == 1);
  CHECK(page.text.text == "bonjour");
  CHECK_FALSE(page.ocr_failed);
  CHECK(page.pdf_path == dir.File("p0003.pdf"));
  CHECK(fs::exists(page.pdf_path));
}

TEST_CASE("OcrStage flags a failed page, keeps going and still writes its image PDF", "[ocr]") {
  int calls = 0;
  auto stage =
      NewOcrStage(OcrStageOptions{}, FakeFactory(Err(Status::Cancelled("tesseract: timed out")), &calls));
  auto worker = stage->NewWorker();
  REQUIRE(worker.has_value());
  testing::TempDir dir;
  Document doc;
  Page page = BlankPage(0);
  page.text.text = "stale";

  REQUIRE((*worker)->Run(page, doc, dir.path()).ok());
  CHECK(page.ocr_failed);
  CHECK(page.text.text.empty());
  REQUIRE_FALSE(page.notes.empty());
  CHECK(page.notes.back().find("timed out") != std::string::npos);
  REQUIRE(page.pdf_path == dir.File("p0001.pdf"));
  auto pages = testing::ReadPdfPages(page.pdf_path);
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].width_pt == Approx(400 / 100.0 * 72));
  CHECK(pages[0].height_pt == Approx(300 / 100.0 * 72));
}

TEST_CASE("OcrStage leaves pages with a PDF text layer alone", "[ocr]") {
  int calls = 0;
  auto stage = NewOcrStage(OcrStageOptions{}, FakeFactory(PageText{.text = "ocr"}, &calls));
  auto worker = stage->NewWorker();
  REQUIRE(worker.has_value());
  testing::TempDir dir;
  Document doc;
  Page page = BlankPage(0);
  page.has_text_layer = true;
  page.text.text = "from the pdf";

  REQUIRE((*worker)->Run(page, doc, dir.path()).ok());
  CHECK(calls == 0);
  CHECK(page.text.text == "from the pdf");
  CHECK(page.pdf_path.empty());
}

TEST_CASE("ocr.tesseract settings are read with defaults", "[ocr]") {
  auto defaults = ParseOcrStageSettings(Settings());
  REQUIRE(defaults.has_value());
  CHECK(defaults->ocr.languages == "fra+eng");
  CHECK(defaults->ocr.psm == 3);
  CHECK(defaults->ocr.timeout_seconds == 180);
  CHECK(defaults->write_pdf);
  CHECK(defaults->ocr.recover_dropped_text);
  CHECK(defaults->ocr.recover_min_confidence == 70);

  auto set = ParseOcrStageSettings(
      Section("      languages: [deu, eng]\n      psm: 6\n      timeout: 30\n      pdf: false\n"
              "      recover_dropped_text: false\n      recover_min_confidence: 60\n"));
  REQUIRE(set.has_value());
  CHECK(set->ocr.languages == "deu+eng");
  CHECK(set->ocr.psm == 6);
  CHECK(set->ocr.timeout_seconds == 30);
  CHECK_FALSE(set->write_pdf);
  CHECK_FALSE(set->ocr.recover_dropped_text);
  CHECK(set->ocr.recover_min_confidence == 60);
}

TEST_CASE("ocr.tesseract settings reject unknown keys and bad values with file:line", "[ocr]") {
  auto unknown = ParseOcrStageSettings(Section("      languages: eng\n      langs: fra\n"));
  REQUIRE_FALSE(unknown.has_value());
  CHECK(unknown.error().message() == "pipelines/test.yaml:3: ocr.tesseract: unknown setting 'langs'");

  auto psm = ParseOcrStageSettings(Section("      psm: 0\n"));
  REQUIRE_FALSE(psm.has_value());
  CHECK(psm.error().message().rfind("pipelines/test.yaml:3: ", 0) == 0);

  auto confidence = ParseOcrStageSettings(Section("      recover_min_confidence: 101\n"));
  REQUIRE_FALSE(confidence.has_value());
  CHECK(confidence.error().message() ==
        "pipelines/test.yaml:3: ocr.tesseract: recover_min_confidence: expected 0..100");

  auto timeout = ParseOcrStageSettings(Section("      timeout: soon\n"));
  REQUIRE_FALSE(timeout.has_value());
  CHECK(timeout.error().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("The built-in ocr.tesseract stage reports a missing language when built", "[ocr]") {
  const StageFactory* factory = BuiltinStages().Find("ocr.tesseract");
  REQUIRE(factory != nullptr);
  auto stage = (*factory)(Section("      languages: fra+xyz\n"));
  REQUIRE_FALSE(stage.has_value());
  CHECK(stage.error().message().find("pipelines/test.yaml:3: ocr.tesseract: ") == 0);
  CHECK(stage.error().message().find("'xyz'") != std::string::npos);
  auto good = (*factory)(Section("      languages: eng\n"));
  REQUIRE(good.has_value());
  CHECK((*good)->Name() == "ocr.tesseract");
}

// Records the resolution of the image it is given.
class DpiRecorder : public OcrEngine {
 public:
  explicit DpiRecorder(double* seen) : seen_(seen) {}
  Result<PageText> Recognize(const Image& image, const std::string&) override {
    *seen_ = image.dpi_y();
    return PageText{.text = "x"};
  }

 private:
  double* seen_;
};

TEST_CASE("OcrStage lets the engine measure the resolution of a small page whose file stated none", "[ocr]") {
  double seen = -1;
  auto stage = NewOcrStage(OcrStageOptions{.write_pdf = false}, [&seen](const OcrOptions&) {
    return Result<std::unique_ptr<OcrEngine>>(std::unique_ptr<OcrEngine>(new DpiRecorder(&seen)));
  });
  auto worker = stage->NewWorker();
  REQUIRE(worker.has_value());
  Document doc;
  auto page_of = [](int width, int height, bool assumed) {
    Page page;
    page.image = Image(width, height, PixelFormat::kGray8);
    page.image.set_dpi(300, 300);
    page.dpi = 300;
    page.dpi_assumed = assumed;
    return page;
  };
  SECTION("a 1024-pixel photo 'at 300 dpi' (87 mm wide) with no stated dpi: measured") {
    Page page = page_of(1024, 1330, true);
    REQUIRE((*worker)->Run(page, doc, "/tmp").ok());
    CHECK(seen == 0);
    CHECK(page.image.dpi_y() == 300);  // the page keeps its dpi for the PDF and the record
  }
  SECTION("a full-size scan with no stated dpi: the fallback stands") {
    Page page = page_of(2480, 3508, true);
    REQUIRE((*worker)->Run(page, doc, "/tmp").ok());
    CHECK(seen == 300);
  }
  SECTION("a small page whose file states its dpi: told") {
    Page page = page_of(1024, 1330, false);
    REQUIRE((*worker)->Run(page, doc, "/tmp").ok());
    CHECK(seen == 300);
  }
}

}  // namespace
}  // namespace facteur
