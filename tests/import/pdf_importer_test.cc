#include <catch2/catch.hpp>
#include <string>

#include "facteur/importer.h"
#include "import/import_test_util.h"

namespace facteur {
namespace {

using testing::CorpusPath;
using testing::ImportPage;

TEST_CASE("PdfImporter renders the 9000x9000 page of multipage.pdf with the default limit",
          "[import]") {
  auto source = OpenImport(CorpusPath("pdf/multipage.pdf"), {});
  REQUIRE(source);
  REQUIRE((*source)->PageCount() == 6);
  auto page = (*source)->ReadPage(1);
  REQUIRE(page);
  CHECK(page->width == 9000);
  CHECK(page->height == 9000);
  CHECK(page->dpi == Approx(300));
}

TEST_CASE("PdfImporter refuses a page whose image exceeds max_pixels", "[import]") {
  ImportOptions options;
  options.max_pixels = 50'000'000;
  auto page = ImportPage("pdf/multipage.pdf", 1, options);
  REQUIRE_FALSE(page);
  CHECK(page.error().code() == Status::Code::kUnsupported);
  CHECK(page.error().message() ==
        "page 2: embedded image: 9000x9000 pixels exceeds the limit of 50000000 "
        "(import.max_pixels)");
  // The other pages of the same file still import.
  CHECK(ImportPage("pdf/multipage.pdf", 0, options));

  auto bomb = ImportPage("bad/hugemono.pdf");
  REQUIRE_FALSE(bomb);
  CHECK(bomb.error().message().find("35000x35000 pixels exceeds the limit of 100000000") !=
        std::string::npos);
}

TEST_CASE("PdfImporter opens an encrypted PDF only with its password", "[import]") {
  auto locked = OpenImport(CorpusPath("pdf/password-is-test.pdf"), {});
  REQUIRE_FALSE(locked);
  CHECK(locked.error().message().find("password required") != std::string::npos);

  ImportOptions wrong;
  wrong.pdf_password = "nope";
  auto bad = OpenImport(CorpusPath("pdf/password-is-test.pdf"), wrong);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message().find("wrong password") != std::string::npos);

  ImportOptions right;
  right.pdf_password = "test";
  right.fallback_dpi = 100;
  auto source = OpenImport(CorpusPath("pdf/password-is-test.pdf"), right);
  REQUIRE(source);
  REQUIRE((*source)->PageCount() == 1);
  auto page = (*source)->ReadPage(0);
  REQUIRE(page);
  CHECK_FALSE(page->image.empty());
}

TEST_CASE("PdfImporter keeps a real text layer and still renders the page", "[import]") {
  ImportOptions options;
  options.fallback_dpi = 100;
  auto text = ImportPage("pdf/simple.pdf", 0, options);
  REQUIRE(text);
  CHECK(text->has_text_layer);
  CHECK(text->text.text.find("This is a test document.") != std::string::npos);
  CHECK(text->width == 850);  // letter at 100 dpi
  CHECK(text->image.format() == PixelFormat::kGray8);

  auto scan = ImportPage("pdf/ccitt.pdf", 0, options);  // CCITT image at 300 ppi, no text
  REQUIRE(scan);
  CHECK_FALSE(scan->has_text_layer);
  CHECK(scan->text.text.empty());
  CHECK(scan->dpi == Approx(300));
  CHECK(scan->width == 2550);
}

TEST_CASE("PdfImporter applies /Rotate and renders colour pages as RGB", "[import]") {
  auto rotated = ImportPage("pdf/rotated_skew.pdf");  // landscape box, /Rotate 90
  REQUIRE(rotated);
  CHECK(rotated->width == 2550);
  CHECK(rotated->height == 3300);
  auto colour = ImportPage("pdf/c02-22.pdf");
  REQUIRE(colour);
  CHECK(colour->image.format() == PixelFormat::kRgb8);
  CHECK(colour->dpi == Approx(150));
}

}  // namespace
}  // namespace facteur
