#include "import/ccitt_decoder.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "import/ccitt_bit_reader.h"
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

// Bytes from a string of '0'/'1' (spaces ignored), first bit in the MSB, zero-padded.
std::vector<uint8_t> Bits(const std::string& text) {
  std::vector<uint8_t> bytes;
  int n = 0;
  for (char c : text) {
    if (c != '0' && c != '1') continue;
    if (n % 8 == 0) bytes.push_back(0);
    if (c == '1') bytes.back() |= static_cast<uint8_t>(0x80 >> (n % 8));
    ++n;
  }
  return bytes;
}

std::string RowText(const Image& image, int y) {
  std::string text;
  for (int x = 0; x < image.width(); ++x) text += image.row(y)[x] == 0 ? '#' : '.';
  return text;
}

TEST_CASE("CCITT decodes hand-made T.4 streams in every framing", "[import][ccitt]") {
  // Row 1: white 2 (0111), black 3 (10), white 3 (1000). Row 2: white 8 (10011).
  CcittParams params{.width = 8, .rows = 0, .compression = 3};
  const std::string eol = "000000000001";
  SECTION("Modified Huffman (compression 2): rows byte-aligned, no EOL") {
    params.compression = 2;
    Result<Image> image = DecodeCcitt(Bits("0111 10 1000 000000 10011 000"), params);
    REQUIRE(image.has_value());
    REQUIRE(image->height() == 2);
    CHECK(RowText(*image, 0) == "..###...");
    CHECK(RowText(*image, 1) == "........");
  }
  SECTION("T.4 1-D without EOLs, rows byte-aligned as MH would have them") {
    Result<Image> image = DecodeCcitt(Bits("0111 10 1000 000000 10011 000"), params);
    REQUIRE(image.has_value());
    REQUIRE(image->height() == 2);
    CHECK(RowText(*image, 0) == "..###...");
    CHECK(RowText(*image, 1) == "........");
  }
  SECTION("T.4 1-D with fill bits, EOLs and RTC, LSB-first") {
    std::vector<uint8_t> data =
        Bits("0000" + eol + "0111 10 1000 000000" + eol + "10011" + eol + eol + eol);
    for (uint8_t& b : data) b = ccitt::Reverse(b);
    params.lsb_first = true;
    Result<Image> image = DecodeCcitt(data, params);
    REQUIRE(image.has_value());
    REQUIRE(image->height() == 2);
    CHECK(RowText(*image, 0) == "..###...");
  }
  SECTION("T.4 2-D: a 1-D row then a 2-D row of three V0 codes") {
    params.two_d = true;
    Result<Image> image = DecodeCcitt(Bits(eol + "1 0111 10 1000" + eol + "0 1 1 1"), params);
    REQUIRE(image.has_value());
    REQUIRE(image->height() == 2);
    CHECK(RowText(*image, 1) == "..###...");
  }
  SECTION("T.6: pass, horizontal and vertical modes against the row above") {
    params.compression = 4;
    // Row 1: H(white 2, black 3), then V0 at b1 = 8 (the row end). Row 2:
    // VR1 (a1 = 3), VL1 (a1 = 4), V0. Row 3: pass (a0 = b2 = 4), VL1 (a1 = 7), V0.
    Result<Image> image = DecodeCcitt(Bits("001 0111 10 1  011 010 1  0001 010 1"), params);
    REQUIRE(image.has_value());
    REQUIRE(image->height() == 3);
    CHECK(RowText(*image, 0) == "..###...");
    CHECK(RowText(*image, 1) == "...#....");
    CHECK(RowText(*image, 2) == ".......#");
  }
  SECTION("A premature EOL ends its row white and decoding goes on") {
    CcittReport report;
    Result<Image> image =
        DecodeCcitt(Bits(eol + "0111 10" + eol + "0111 10 1000" + eol + eol), params, &report);
    REQUIRE(image.has_value());
    REQUIRE(image->height() == 2);
    CHECK(RowText(*image, 0) == "..###...");
    CHECK(RowText(*image, 1) == "..###...");
    CHECK(report.clean_rows == 1);
    CHECK(report.damaged_rows == 1);
  }
}

TEST_CASE("CCITT decodes the premature-EOL German fax libtiff 4.5 refuses", "[import][ccitt]") {
  const testing::RawTiff raw = testing::ReadRawTiff(CorpusPath("fax/G3-Premature-EOL.tif"));
  REQUIRE(raw.ok);
  CcittReport report;
  Result<Image> image = DecodeCcittStrips(raw.Strips(), raw.rows_per_strip, raw.params, &report);
  REQUIRE(image.has_value());
  CHECK(image->width() == 1728);
  CHECK(image->height() == 2320);
  CHECK(report.clean_rows == 2320);
  const double ratio = BlackRatio(*image);
  CHECK(ratio > 0.02);
  CHECK(ratio < 0.20);
  // The headline ("NEU: Roll-Basic 150/300kg!") and the order block at the bottom.
  CHECK(BlackRatio(*image, 60, 240) > 0.05);
  CHECK(BlackRatio(*image, 1750, 1900) > 0.02);
}

TEST_CASE("CCITT G4 decodes the eight ITU test pages bit-exact", "[import][ccitt]") {
  for (int n = 1; n <= 8; ++n) {
    const std::string name = "fax/CCITT_" + std::to_string(n) + ".TIF";
    INFO(name);
    Result<Image> image = DecodeTiff(name);
    REQUIRE(image.has_value());
    int w = 0, h = 0;
    const std::vector<uint8_t> expected =
        testing::ReadPbm(CorpusPath("fax/itu" + std::to_string(n) + ".pbm"), &w, &h);
    REQUIRE(image->width() == w);
    REQUIRE(image->height() == h);
    int first_row = 0;
    CHECK(DiffPixels(*image, expected, &first_row) == 0);
  }
}

// Every file decodes, all to the same pixels, and the first also matches libtiff.
void RequireAllIdentical(const std::vector<std::string>& names) {
  Result<Image> first = DecodeTiff(names[0]);
  REQUIRE(first.has_value());
  int w = 0, h = 0;
  const std::vector<uint8_t> libtiff = testing::LibtiffGray(CorpusPath(names[0]), &w, &h);
  int row = 0;
  REQUIRE(!libtiff.empty());
  CHECK(DiffPixels(*first, libtiff, &row) == 0);
  const double ratio = BlackRatio(*first);
  CHECK(ratio > 0.01);
  CHECK(ratio < 0.9);
  for (size_t i = 1; i < names.size(); ++i) {
    INFO(names[i]);
    Result<Image> other = DecodeTiff(names[i]);
    REQUIRE(other.has_value());
    REQUIRE(other->width() == first->width());
    REQUIRE(other->height() == first->height());
    CHECK(std::memcmp(other->data(), first->data(), first->size_bytes()) == 0);
  }
}

TEST_CASE("CCITT decodes the Kofax page identically in G3 1-D, G3 2-D and G4", "[import][ccitt]") {
  RequireAllIdentical({"fax/G31D.TIF", "fax/G31DS.TIF", "fax/G32D.TIF", "fax/G32DS.TIF",
                       "fax/G4.TIF", "fax/G4S.TIF"});
}

TEST_CASE("CCITT decodes the five Oregon Scientific variants identically", "[import][ccitt]") {
  const std::string stem = "fax/Oregon Scientific DS6639 - DSC_0307 - small CCITT ";
  RequireAllIdentical({stem + "T.6.tiff", stem + "T.4 1D fill.tiff", stem + "T.4 1D no fill.tiff",
                       stem + "T.4 2D fill.tiff", stem + "T.4 2D no fill.tiff"});
}

TEST_CASE("CCITT decodes a real G3 fax like libtiff", "[import][ccitt]") {
  RequireSameAsLibtiffReference("fax/g3test.tif", "fax/g3test.tif");
}

TEST_CASE("CCITT decodes Modified Huffman RLE (compression 2) to a white page", "[import][ccitt]") {
  Result<Image> image = DecodeTiff("fax/1pagefax.tif");
  REQUIRE(image.has_value());
  CHECK(image->width() == 1728);
  CHECK(image->height() == 1146);
  CHECK(BlackRatio(*image) == 0.0);
  RequireSameAsLibtiffReference("fax/1pagefax.tif", "fax/1pagefax.tif");
}

TEST_CASE("CCITT decodes a raw G3 stream to a diagonal line", "[import][ccitt]") {
  const std::vector<uint8_t> data = testing::ReadFileBytes(CorpusPath("fax/miniswhite-1c-1b.g3"));
  REQUIRE(!data.empty());
  CcittReport report;
  Result<Image> image = DecodeCcitt(data, CcittParams{.width = 1728}, &report);
  REQUIRE(image.has_value());
  CHECK(image->width() == 1728);
  REQUIRE(image->height() >= 1000);
  CHECK(report.damaged_rows == 0);
  int on_diagonal = 0;
  for (int y = 0; y < image->height(); ++y) {
    int black = 0, x_black = -1;
    for (int x = 0; x < image->width(); ++x) {
      if (image->row(y)[x] == 0) ++black, x_black = x;
    }
    on_diagonal += black == 1 && x_black == y;
  }
  CHECK(on_diagonal == image->height());
}

TEST_CASE("CCITT rejects bad parameters and empty input cleanly", "[import][ccitt]") {
  const std::vector<uint8_t> data = {0x00, 0x13, 0x54, 0xc1};
  CHECK(DecodeCcitt(data, CcittParams{.width = 0}).error().code() ==
        Status::Code::kInvalidArgument);
  CHECK(DecodeCcitt(data, CcittParams{.width = -7}).error().code() ==
        Status::Code::kInvalidArgument);
  CHECK(DecodeCcitt(data, CcittParams{.width = 1728, .rows = 1 << 30}).error().code() ==
        Status::Code::kInvalidArgument);
  CHECK(DecodeCcitt(data, CcittParams{.compression = 5}).error().code() ==
        Status::Code::kUnsupported);
  CHECK(DecodeCcitt({}, CcittParams{}).error().code() == Status::Code::kCorrupt);
  CHECK(DecodeCcitt(std::vector<uint8_t>(64, 0), CcittParams{}).error().code() ==
        Status::Code::kCorrupt);
  CHECK(DecodeCcittStrips({}, 10, CcittParams{.rows = 10}).error().code() ==
        Status::Code::kCorrupt);
}

TEST_CASE("CCITT survives random bytes in every mode", "[import][ccitt]") {
  std::mt19937 rng(1234);
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<uint8_t> data(rng() % 2000);
    for (uint8_t& b : data) b = static_cast<uint8_t>(rng());
    const CcittParams params{.width = 1 + static_cast<int>(rng() % 3000),
                             .rows = static_cast<int>(rng() % 3) == 0 ? 0 : 50,
                             .compression = 2 + static_cast<int>(rng() % 3),
                             .two_d = rng() % 2 == 0,
                             .lsb_first = rng() % 2 == 0};
    Result<Image> image = DecodeCcitt(data, params);
    if (image.has_value()) {
      CHECK(image->width() == params.width);
      if (params.rows > 0) CHECK(image->height() == params.rows);
    } else {
      CHECK(image.error().code() == Status::Code::kCorrupt);
    }
  }
}

TEST_CASE("CCITT keeps the rows before a truncation and pads the rest white", "[import][ccitt]") {
  testing::RawTiff raw = testing::ReadRawTiff(CorpusPath("fax/CCITT_1.TIF"));
  REQUIRE(raw.ok);
  raw.data.resize(raw.data.size() / 2);
  CcittReport report;
  Result<Image> image = DecodeCcitt(raw.data, raw.params, &report);
  REQUIRE(image.has_value());
  REQUIRE(image->height() == 2376);
  CHECK(report.clean_rows > 500);
  CHECK(report.padded_rows > 500);
  int w = 0, h = 0;
  const std::vector<uint8_t> expected = testing::ReadPbm(CorpusPath("fax/itu1.pbm"), &w, &h);
  const size_t clean_bytes = static_cast<size_t>(report.clean_rows) * w;
  CHECK(std::memcmp(image->data(), expected.data(), clean_bytes) == 0);
  CHECK(BlackRatio(*image, image->height() - report.padded_rows, image->height()) == 0.0);
}

TEST_CASE("CCITT resynchronises at the next EOL after a bad code", "[import][ccitt]") {
  testing::RawTiff raw = testing::ReadRawTiff(CorpusPath("fax/g3test.tif"));
  REQUIRE(raw.ok);
  int w = 0, h = 0;
  const std::vector<uint8_t> expected = testing::LibtiffGray(CorpusPath("fax/g3test.tif"), &w, &h);
  REQUIRE(!expected.empty());
  // Zero bytes are not valid row data short of an EOL, and 0xFF runs past the row end.
  for (size_t i = 0; i < 6; ++i) raw.data[raw.data.size() / 2 + i] = i < 3 ? 0xFF : 0x00;
  CcittReport report;
  Result<Image> image = DecodeCcitt(raw.data, raw.params, &report);
  REQUIRE(image.has_value());
  REQUIRE(image->height() == h);
  CHECK(report.damaged_rows >= 1);
  CHECK(report.clean_rows >= h - 3);
  // The bottom of the page, after the damage, is decoded exactly.
  const size_t tail = static_cast<size_t>(w) * 300;
  CHECK(std::memcmp(image->data() + image->size_bytes() - tail,
                    expected.data() + expected.size() - tail, tail) == 0);
}

TEST_CASE("CCITT stops at a bad code when there is no EOL to resync on", "[import][ccitt]") {
  testing::RawTiff raw = testing::ReadRawTiff(CorpusPath("fax/G3-Premature-EOL.tif"));
  REQUIRE(raw.ok);
  for (size_t i = 0; i < 8; ++i) raw.data[raw.data.size() / 2 + i] = 0xFF;
  CcittReport report;
  Result<Image> image = DecodeCcitt(raw.data, raw.params, &report);
  REQUIRE(image.has_value());
  REQUIRE(image->height() == 2320);
  CHECK(report.clean_rows > 500);
  CHECK(report.clean_rows < 2320);
  CHECK(report.padded_rows == 2320 - report.clean_rows - report.damaged_rows);
}

}  // namespace
}  // namespace facteur
