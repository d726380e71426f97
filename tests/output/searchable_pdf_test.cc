// End to end through the two stages with real Tesseract: a fax page is
// OCRed into a page PDF, then merged with a page of a digital PDF.
#include <catch2/catch.hpp>
#include <string>

#include "facteur/document.h"
#include "facteur/stage.h"
#include "ocr/ocr_stage.h"
#include "output/pdf_stage.h"
#include "testing/corpus.h"
#include "testing/load_image.h"
#include "testing/pdf_text.h"
#include "testing/temp_dir.h"
#include "testing/fake_run_context.h"

namespace facteur {
namespace {

using DirContext = testing::FakeRunContext;

TEST_CASE("ocr.tesseract then output.pdf give one searchable PDF in page order", "[ocr][output][tesseract]") {
  testing::TempDir dir;
  Document doc;
  doc.source.path = testing::CorpusPath("pdf/multi-page-digital.pdf");
  doc.pages.resize(2);
  doc.pages[0].index = 0;
  doc.pages[0].has_text_layer = true;  // "... Page 2." of the original
  doc.pages[0].source_index = 1;
  doc.pages[1].index = 1;
  auto image = testing::LoadImage(testing::CorpusPath("fax/CCITT_1.TIF"));
  REQUIRE(image.has_value());
  doc.pages[1].image = std::move(*image);

  OcrStageOptions options;
  options.ocr.languages = "eng";
  auto ocr = NewOcrStage(options);
  auto worker = ocr->NewWorker();
  REQUIRE(worker.has_value());
  for (Page& page : doc.pages) REQUIRE((*worker)->Run(page, doc, dir.path()).ok());
  CHECK_FALSE(doc.pages[1].ocr_failed);
  CHECK(doc.pages[1].pdf_path == dir.File("p0002.pdf"));
  CHECK(testing::Lower(doc.pages[1].text.text).find("slerexe") != std::string::npos);

  DirContext ctx(dir.path());
  REQUIRE(NewPdfStage()->Run(doc, ctx).ok());
  auto pages = testing::ReadPdfPages(doc.pdf_path);
  REQUIRE(pages.size() == 2);
  CHECK(pages[0].text.find("Page 2") != std::string::npos);
  CHECK(testing::Lower(pages[1].text).find("slerexe") != std::string::npos);
  CHECK(pages[1].width_pt == Approx(1728 / 200.0 * 72).margin(0.5));
}

}  // namespace
}  // namespace facteur
