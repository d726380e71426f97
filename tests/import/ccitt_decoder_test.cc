#include "import/ccitt_decoder.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "import/ccitt_tables.h"
#include "import/tiff_raw.h"
#include "testing/corpus.h"

namespace facteur {
namespace {

using testing::CorpusPath;

Result<Image> DecodeTiff(const std::string& relative) {
  const testing::RawTiff raw = testing::ReadRawTiff(CorpusPath(relative));
  REQUIRE(raw.ok);
  return DecodeCcittStrips(raw.Strips(), raw.rows_per_strip, raw.params);
}

// Pixels that differ between `image` and a Gray8 buffer of the same size.
size_t DiffPixels(const Image& image, const std::vector<uint8_t>& gray, int* first_row) {
  size_t diff = 0;
  *first_row = -1;
  for (size_t i = 0; i < gray.size() && i < image.size_bytes(); ++i) {
    if (image.data()[i] != gray[i]) {
      if (*first_row < 0) *first_row = static_cast<int>(i / image.width());
      ++diff;
    }
  }
  return diff;
}

double BlackRatio(const Image& image, int y0 = 0, int y1 = -1) {
  if (y1 < 0) y1 = image.height();
  size_t black = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = 0; x < image.width(); ++x) black += image.row(y)[x] == 0;
  }
  return static_cast<double>(black) / (static_cast<double>(image.width()) * (y1 - y0));
}

void RequireSameAsLibtiffReference(const std::string& input, const std::string& reference) {
  Result<Image> image = DecodeTiff(input);
  REQUIRE(image.has_value());
  int w = 0, h = 0;
  const std::vector<uint8_t> expected = testing::LibtiffGray(CorpusPath(reference), &w, &h);
  REQUIRE(!expected.empty());
  REQUIRE(image->width() == w);
  REQUIRE(image->height() == h);
  int first_row = 0;
  const size_t diff = DiffPixels(*image, expected, &first_row);
  INFO(input << ": first differing row " << first_row);
  CHECK(diff == 0);
}

TEST_CASE("CCITT code tables are prefix-free and complete", "[import][ccitt]") {
  for (auto codes : {ccitt::WhiteCodes(), ccitt::BlackCodes()}) {
    CHECK(codes.size() == 64 + 27 + 13);
    for (size_t i = 0; i < codes.size(); ++i) {
      for (size_t j = 0; j < codes.size(); ++j) {
        if (i == j) continue;
        const std::string a = codes[i].bits, b = codes[j].bits;
        INFO(a << " vs " << b);
        CHECK(b.compare(0, a.size(), a) != 0);
      }
    }
  }
}

TEST_CASE("CCITT decodes G3 1-D without EOLs like libtiff's reference", "[import][ccitt]") {
  RequireSameAsLibtiffReference("fax/testfax3_bug54_1dnoEOL.tif",
                                "fax/o-testfax3_bug54_1dnoEOL.tiff");
}

TEST_CASE("CCITT decodes the tiny G3 strip of libtiff issue 513", "[import][ccitt]") {
  RequireSameAsLibtiffReference("fax/testfax3_bug_513.tiff", "fax/o-testfax3_bug_513.tiff");
}

}  // namespace
}  // namespace facteur
