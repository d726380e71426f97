// Issue 7: the OCR stage declares the engine and the traineddata files it
// runs with, for each record's capture context.
#include <catch2/catch.hpp>

#include "core/hash.h"
#include "ocr/tessdata.h"

using namespace facteur;

TEST_CASE("TesseractProvenance names the engine version and hashes each language's model", "[ocr]") {
  OcrOptions options;
  options.languages = "fra+eng+zz";
  auto p = TesseractProvenance(options);
  CHECK(p["ocr_engine"].rfind("tesseract 5.", 0) == 0);
  CHECK(p["ocr_languages"] == "fra+eng+zz");
  auto fra = Sha256File(ResolveTessdataDir(options) + "/fra.traineddata");
  REQUIRE(fra.has_value());
  CHECK(p["ocr_model_fra_sha256"] == *fra);
  CHECK(p["ocr_model_eng_sha256"].size() == 64);
  CHECK(p["ocr_model_zz_sha256"] == "missing");
}
