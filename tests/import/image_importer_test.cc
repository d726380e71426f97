#include <catch2/catch.hpp>
#include <string>

#include "facteur/importer.h"
#include "import/import_test_util.h"

namespace facteur {
namespace {

using testing::ImportPage;
using testing::MeanAbsDiff;

Image Mirror(const Image& in) {
  Image out(in.width(), in.height(), in.format());
  const int ch = in.channels();
  for (int y = 0; y < in.height(); ++y) {
    for (int x = 0; x < in.width(); ++x) {
      for (int c = 0; c < ch; ++c) {
        out.row(y)[x * ch + c] = in.row(y)[(in.width() - 1 - x) * ch + c];
      }
    }
  }
  return out;
}

TEST_CASE("ImageImporter applies JPEG EXIF orientations 2 to 8", "[import]") {
  // The upright hopper: the same picture, stored as an LZW TIFF.
  auto upright = ImportPage("tiff/hopper_lzw.tif");
  REQUIRE(upright);
  REQUIRE(upright->image.format() == PixelFormat::kRgb8);
  const double wrong = MeanAbsDiff(Mirror(upright->image), upright->image);
  REQUIRE(wrong > 20);  // a mis-oriented hopper is far off
  for (int o = 2; o <= 8; ++o) {
    INFO("orientation " << o);
    auto page = ImportPage("tiff/hopper_orientation_" + std::to_string(o) + ".jpg");
    REQUIRE(page);
    const double diff = MeanAbsDiff(page->image, upright->image);
    CHECK(diff >= 0);
    CHECK(diff < 8);  // JPEG noise only
  }
}

TEST_CASE("ImageImporter converts a CMYK JPEG to RGB", "[import]") {
  auto cmyk = ImportPage("pdf/baiona_cmyk.jpg");
  auto rgb = ImportPage("pdf/baiona.png");
  REQUIRE(cmyk);
  REQUIRE(rgb);
  CHECK(cmyk->dpi == Approx(200));  // from EXIF: the file has no JFIF density
  const double diff = MeanAbsDiff(cmyk->image, rgb->image);
  CHECK(diff >= 0);
  CHECK(diff < 20);
}

TEST_CASE("ImageImporter reads PNG, PBM and BMP with their resolution or the fallback",
          "[import]") {
  ImportOptions options;
  options.fallback_dpi = 123;
  auto png = ImportPage("pdf/simple-noalpha.png", 0, options);  // 28.34 px/cm
  REQUIRE(png);
  CHECK(png->dpi == Approx(72).epsilon(0.01));
  auto no_dpi = ImportPage("pdf/simple-no-dpi.png", 0, options);
  REQUIRE(no_dpi);
  CHECK(no_dpi->dpi == Approx(123));
  auto pbm = ImportPage("fax/itu1.pbm", 0, options);
  REQUIRE(pbm);
  CHECK(pbm->width == 1728);
  CHECK(pbm->image.format() == PixelFormat::kGray8);
  CHECK(testing::CountDiff(pbm->image, testing::ReadPbm(testing::CorpusPath("fax/itu1.pbm"))) == 0);
  auto bmp = ImportPage("pdf/simple.bmp", 0, options);
  REQUIRE(bmp);
  CHECK(bmp->width == 1436);
  CHECK(bmp->dpi == Approx(96).epsilon(0.01));
  auto zero = ImportPage("bad/exif-dpi-zerodivision.jpg", 0, options);  // EXIF 0/0
  REQUIRE(zero);
  CHECK(zero->dpi == Approx(123));
}

TEST_CASE("ImageImporter refuses an image over the pixel limit from its header", "[import]") {
  ImportOptions options;
  options.max_pixels = 1'000'000;
  auto source = OpenImport(testing::CorpusPath("pdf/typewriter.png"), options);  // 4000x2864
  REQUIRE_FALSE(source);
  CHECK(source.error().message() == testing::CorpusPath("pdf/typewriter.png") +
                                        ": page 1: 4000x2864 pixels exceeds the limit of "
                                        "1000000 (import.max_pixels)");
}

TEST_CASE("ImageImporter refuses HEIC cleanly", "[import]") {
  auto source = OpenImport(testing::CorpusPath("pdf/simple.heic"), {});
  REQUIRE_FALSE(source);
  CHECK(source.error().code() == Status::Code::kUnsupported);
  CHECK(source.error().message().find("HEIC") != std::string::npos);
}


TEST_CASE("ImageImporter says when a file stated no resolution and the fallback was assumed", "[import]") {
  const std::string tapus = "ocr-truth/tapuscorpus/europeana-random-selection/";
  struct Case {
    std::string file;
    bool assumed;
  };
  for (const Case& c : {Case{"Pierre_et_Marie_Curie_Papiers_[...]Curie_Pierre_btv1b90802629_3.jpeg", true},  // JFIF units 0
                        Case{"9200518_ark__12148_btv1b53157893j.jpeg", false}}) {  // states 300 dpi
    INFO(c.file);
    auto source = OpenImport(testing::CorpusPath(tapus + c.file), {});
    REQUIRE(source.has_value());
    auto page = (*source)->ReadPage(0);
    REQUIRE(page.has_value());
    CHECK(page->dpi == 300);
    CHECK(page->dpi_assumed == c.assumed);
  }
}

}  // namespace
}  // namespace facteur
