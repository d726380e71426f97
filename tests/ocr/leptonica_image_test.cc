#include "ocr/leptonica_image.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "testing/corpus.h"
#include "testing/load_image.h"
#include "testing/pdf_text.h"
#include "testing/temp_dir.h"

namespace facteur {
namespace {

TEST_CASE("Leptonica conversion keeps gray and colour pixels and the dpi", "[ocr]") {
  SECTION("gray") {
    Image gray(3, 2, PixelFormat::kGray8);
    gray.row(0)[1] = 7;
    gray.row(1)[2] = 130;
    gray.set_dpi(150, 150);
    CHECK_FALSE(IsBilevel(gray));
    auto pix = ImageToPix(gray);
    REQUIRE(pix.has_value());
    CHECK(pixGetDepth(pix->get()) == 8);
    auto back = PixToImage(pix->get());
    REQUIRE(back.has_value());
    CHECK(back->format() == PixelFormat::kGray8);
    CHECK(back->row(0)[1] == 7);
    CHECK(back->row(1)[2] == 130);
    CHECK(back->dpi_y() == 150);
  }
  SECTION("colour") {
    Image rgb(2, 2, PixelFormat::kRgb8);
    rgb.row(1)[3] = 10;  // pixel (1,1): r=10 g=20 b=30
    rgb.row(1)[4] = 20;
    rgb.row(1)[5] = 30;
    auto pix = ImageToPix(rgb);
    REQUIRE(pix.has_value());
    auto back = PixToImage(pix->get());
    REQUIRE(back.has_value());
    CHECK(back->format() == PixelFormat::kRgb8);
    CHECK(back->row(1)[3] == 10);
    CHECK(back->row(1)[4] == 20);
    CHECK(back->row(1)[5] == 30);
    CHECK(back->row(0)[0] == 255);
    CHECK(EffectiveDpi(rgb) == 300);  // unknown dpi
  }
}

TEST_CASE("A bilevel fax page becomes a 1-bit Pix and a small G4 image PDF", "[ocr]") {
  auto image = testing::LoadImage(testing::CorpusPath("fax/CCITT_1.TIF"));
  REQUIRE(image.has_value());
  CHECK(image->format() == PixelFormat::kGray8);
  CHECK(image->width() == 1728);
  CHECK(image->dpi_x() == 200);
  REQUIRE(IsBilevel(*image));

  auto pix1 = ImageToPix1(*image);
  REQUIRE(pix1.has_value());
  CHECK(pixGetDepth(pix1->get()) == 1);
  auto back = PixToImage(pix1->get());
  REQUIRE(back.has_value());
  CHECK(std::equal(back->data(), back->data() + back->size_bytes(), image->data()));

  testing::TempDir dir;
  REQUIRE(WriteImagePdf(*image, dir.File("p.pdf")).ok());
  auto pages = testing::ReadPdfPages(dir.File("p.pdf"));
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].width_pt == Approx(1728 / 200.0 * 72).margin(0.5));
  CHECK(std::filesystem::file_size(dir.File("p.pdf")) < 60 * 1024);

  CHECK(WriteImagePdf(*image, dir.File("no/such/dir/p.pdf")).code() == Status::Code::kIOError);
}

}  // namespace
}  // namespace facteur
