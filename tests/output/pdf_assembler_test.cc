#include "output/pdf_assembler.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "facteur/document.h"
#include "facteur/stage.h"
#include "output/pdf_stage.h"
#include "testing/corpus.h"
#include "testing/pdf_text.h"
#include "testing/temp_dir.h"
#include "testing/fake_run_context.h"

namespace facteur {
namespace {

namespace fs = std::filesystem;

// multi-page-digital.pdf has a text layer: "This is a multi page document. Page N."
const std::string kDigital = testing::CorpusPath("pdf/multi-page-digital.pdf");
// simple.pdf: one page, "This is a test document."
const std::string kSimple = testing::CorpusPath("pdf/simple.pdf");

// Splits kDigital into one-page files p1.pdf, p2.pdf, p3.pdf in `dir`.
std::vector<std::string> SplitDigital(const testing::TempDir& dir) {
  std::vector<std::string> files;
  for (int i = 0; i < 3; ++i) {
    files.push_back(dir.File("p" + std::to_string(i + 1) + ".pdf"));
    REQUIRE(AssemblePdf({{kDigital, i}}, files.back()).ok());
  }
  return files;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

using testing::FakeRunContext;

TEST_CASE("AssemblePdf merges one-page PDFs in the order given", "[ocr][output]") {
  testing::TempDir dir;
  auto parts = SplitDigital(dir);
  for (int i = 0; i < 3; ++i) {
    auto one = testing::ReadPdfPages(parts[i]);
    REQUIRE(one.size() == 1);
    CHECK(Contains(one[0].text, "Page " + std::to_string(i + 1)));
  }

  const std::string out = dir.File("merged.pdf");
  REQUIRE(AssemblePdf({{parts[2], 0}, {parts[0], 0}, {parts[1], 0}, {kSimple, 0}}, out).ok());
  CHECK_FALSE(fs::exists(out + ".tmp"));
  auto pages = testing::ReadPdfPages(out);
  REQUIRE(pages.size() == 4);
  CHECK(Contains(pages[0].text, "Page 3"));
  CHECK(Contains(pages[1].text, "Page 1"));
  CHECK(Contains(pages[2].text, "Page 2"));
  CHECK(Contains(pages[3].text, "This is a test document"));
}

TEST_CASE("AssemblePdf names a missing file, a missing page and an unreadable PDF", "[ocr][output]") {
  testing::TempDir dir;
  const std::string out = dir.File("out.pdf");

  Status missing = AssemblePdf({{kSimple, 0}, {dir.File("p0002.pdf"), 0}}, out);
  CHECK(missing.code() == Status::Code::kNotFound);
  CHECK(Contains(missing.message(), "p0002.pdf"));

  Status past_end = AssemblePdf({{kSimple, 1}}, out);
  CHECK(past_end.code() == Status::Code::kNotFound);
  CHECK(Contains(past_end.message(), "no page 2"));

  const std::string bad = testing::CorpusPath("bad/bad1.pdf");
  Status corrupt = AssemblePdf({{bad, 0}}, out);
  CHECK(corrupt.code() == Status::Code::kCorrupt);
  CHECK(Contains(corrupt.message(), bad));

  CHECK(AssemblePdf({}, out).code() == Status::Code::kInvalidArgument);
  CHECK_FALSE(fs::exists(out));
  CHECK_FALSE(fs::exists(out + ".tmp"));
}

TEST_CASE("OverlayPdfPage lays another page's text over a page, in place", "[ocr][output]") {
  testing::TempDir dir;
  auto parts = SplitDigital(dir);
  const std::string base = dir.File("base.pdf");
  REQUIRE(AssemblePdf({{kSimple, 0}}, base).ok());

  REQUIRE(OverlayPdfPage(base, {parts[1]}).ok());
  CHECK_FALSE(fs::exists(base + ".tmp"));
  auto pages = testing::ReadPdfPages(base);
  REQUIRE(pages.size() == 1);
  CHECK(Contains(pages[0].text, "This is a test document"));
  CHECK(Contains(pages[0].text, "Page 2"));

  // A missing overlay is named, and the page is left as it was.
  const auto before = fs::file_size(base);
  Status missing = OverlayPdfPage(base, {dir.File("p0001.pdf.r1.pdf")});
  CHECK(missing.code() == Status::Code::kNotFound);
  CHECK(Contains(missing.message(), "p0001.pdf.r1.pdf"));
  CHECK(fs::file_size(base) == before);
}

TEST_CASE("output.pdf mixes page PDFs with pages of the original PDF", "[ocr][output]") {
  testing::TempDir dir;
  auto parts = SplitDigital(dir);
  Document doc;
  doc.source.path = kDigital;
  doc.pages.resize(3);
  for (int i = 0; i < 3; ++i) doc.pages[i].index = i;
  doc.pages[0].pdf_path = parts[1];    // an OCRed page PDF
  doc.pages[1].has_text_layer = true;  // the original's own page 3
  doc.pages[1].source_index = 2;
  doc.pages[2].pdf_path = parts[0];

  auto stage = NewPdfStage();
  CHECK(stage->Name() == "output.pdf");
  FakeRunContext ctx(dir.path());
  REQUIRE(stage->Run(doc, ctx).ok());
  CHECK(doc.pdf_path == dir.File("document.pdf"));
  auto pages = testing::ReadPdfPages(doc.pdf_path);
  REQUIRE(pages.size() == 3);
  CHECK(Contains(pages[0].text, "Page 2"));
  CHECK(Contains(pages[1].text, "Page 3"));
  CHECK(Contains(pages[2].text, "Page 1"));

  SECTION("and fails the document when a page has no PDF") {
    doc.pdf_path.clear();
    doc.pages[2].pdf_path.clear();
    Status s = stage->Run(doc, ctx);
    CHECK(s.code() == Status::Code::kNotFound);
    CHECK(Contains(s.message(), kDigital + " page 3: output.pdf: the page has no PDF"));
    CHECK(doc.pdf_path.empty());
  }
}

TEST_CASE("output.pdf takes no settings", "[ocr][output]") {
  auto file = Settings::Parse("stages:\n  - output.pdf: {pages: all}\n", "pipelines/test.yaml");
  REQUIRE(file.has_value());
  auto section = (*file->Items("stages"))[0].Child("output.pdf");
  REQUIRE(section.has_value());
  auto stage = MakePdfStage(*section);
  REQUIRE_FALSE(stage.has_value());
  CHECK(stage.error().message() == "pipelines/test.yaml:2: output.pdf: unknown setting 'pages'");
  REQUIRE(MakePdfStage(Settings()).has_value());
}

}  // namespace
}  // namespace facteur
