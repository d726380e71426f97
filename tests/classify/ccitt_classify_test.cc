// The two CCITT test faxes through OCR and the default pipeline's classify
// stage: a letter introducing a technique (no request, no problem) and a
// French invoice form.
#include <catch2/catch.hpp>

#include "facteur/ocr_engine.h"
#include "facteur/pipeline.h"
#include "testing/corpus.h"
#include "testing/default_classify.h"
#include "testing/fake_run_context.h"
#include "testing/load_image.h"

using namespace facteur;

namespace {

Document OcrDoc(const std::string& corpus_path) {
  auto image = testing::LoadImage(testing::CorpusPath(corpus_path));
  REQUIRE(image.has_value());
  auto engine = NewTesseractEngine(OcrOptions{.languages = "fra+eng"});
  REQUIRE(engine.has_value());
  auto text = (*engine)->Recognize(*image, "");
  REQUIRE(text.has_value());
  Document doc;
  Page page;
  page.text = std::move(*text);
  doc.pages.push_back(std::move(page));
  return doc;
}

}  // namespace

TEST_CASE("The CCITT faxes get sensible classes from the default model", "[classify][tesseract]") {
  testing::DefaultClassify loaded = testing::LoadDefaultClassify();
  DocumentStage* classify = loaded.stage;
  testing::FakeRunContext ctx;
  SECTION("the 1972 letter introducing fax is no confident complaint: review") {
    Document doc = OcrDoc("fax/CCITT_1.TIF");
    REQUIRE(classify->Run(doc, ctx).ok());
    INFO(doc.classification.reason);
    CHECK(doc.status == DocStatus::kReview);
    CHECK((doc.classification.label == "other" || doc.classification.confidence < 0.7));
  }
  SECTION("the French invoice form is an invoice") {
    Document doc = OcrDoc("fax/CCITT_3.TIF");
    REQUIRE(classify->Run(doc, ctx).ok());
    INFO(doc.classification.reason);
    CHECK(doc.classification.label == "invoice");
  }
}
