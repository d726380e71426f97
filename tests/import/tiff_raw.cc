#include "import/tiff_raw.h"

#include <tiffio.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>

namespace facteur::testing {
namespace {

struct TiffCloser {
  void operator()(TIFF* t) const { TIFFClose(t); }
};
using TiffPtr = std::unique_ptr<TIFF, TiffCloser>;

TiffPtr Open(const std::string& path) {
  TIFFSetWarningHandler(nullptr);
  TIFFSetErrorHandler(nullptr);
  return TiffPtr(TIFFOpen(path.c_str(), "r"));
}

}  // namespace

std::vector<std::span<const uint8_t>> RawTiff::Strips() const {
  std::vector<std::span<const uint8_t>> strips;
  size_t offset = 0;
  for (size_t size : strip_sizes) {
    strips.emplace_back(data.data() + offset, size);
    offset += size;
  }
  return strips;
}

RawTiff ReadRawTiff(const std::string& path) {
  RawTiff raw;
  TiffPtr tif = Open(path);
  if (!tif) return raw;
  uint32_t width = 0, height = 0, t4 = 0;
  uint16_t compression = 0, fill = FILLORDER_MSB2LSB, photometric = PHOTOMETRIC_MINISWHITE;
  TIFFGetField(tif.get(), TIFFTAG_IMAGEWIDTH, &width);
  TIFFGetField(tif.get(), TIFFTAG_IMAGELENGTH, &height);
  TIFFGetField(tif.get(), TIFFTAG_COMPRESSION, &compression);
  TIFFGetField(tif.get(), TIFFTAG_FILLORDER, &fill);
  TIFFGetField(tif.get(), TIFFTAG_PHOTOMETRIC, &photometric);
  if (compression == COMPRESSION_CCITTFAX3) TIFFGetField(tif.get(), TIFFTAG_GROUP3OPTIONS, &t4);
  raw.params.width = static_cast<int>(width);
  raw.params.rows = static_cast<int>(height);
  raw.params.compression = compression;
  raw.params.two_d = (t4 & GROUP3OPT_2DENCODING) != 0;
  raw.params.lsb_first = fill == FILLORDER_LSB2MSB;
  raw.params.black_is_1 = photometric == PHOTOMETRIC_MINISBLACK;
  uint32_t rows_per_strip = height;
  TIFFGetField(tif.get(), TIFFTAG_ROWSPERSTRIP, &rows_per_strip);
  raw.rows_per_strip = static_cast<int>(std::min(rows_per_strip, height));
  uint64_t* counts = nullptr;
  if (!TIFFGetField(tif.get(), TIFFTAG_STRIPBYTECOUNTS, &counts)) return raw;
  const tstrip_t strips = TIFFNumberOfStrips(tif.get());
  for (tstrip_t s = 0; s < strips; ++s) {
    std::vector<uint8_t> buf(counts[s]);
    const tmsize_t n =
        TIFFReadRawStrip(tif.get(), s, buf.data(), static_cast<tmsize_t>(buf.size()));
    if (n < 0) return raw;
    raw.data.insert(raw.data.end(), buf.begin(), buf.begin() + n);
    raw.strip_sizes.push_back(static_cast<size_t>(n));
  }
  raw.ok = true;
  return raw;
}

std::vector<uint8_t> LibtiffGray(const std::string& path, int* width, int* height) {
  TiffPtr tif = Open(path);
  if (!tif) return {};
  uint32_t w = 0, h = 0;
  uint16_t photometric = PHOTOMETRIC_MINISWHITE, bits = 1;
  TIFFGetField(tif.get(), TIFFTAG_IMAGEWIDTH, &w);
  TIFFGetField(tif.get(), TIFFTAG_IMAGELENGTH, &h);
  TIFFGetField(tif.get(), TIFFTAG_PHOTOMETRIC, &photometric);
  TIFFGetFieldDefaulted(tif.get(), TIFFTAG_BITSPERSAMPLE, &bits);
  if (bits != 1 || w == 0 || h == 0) return {};
  std::vector<uint8_t> line(TIFFScanlineSize(tif.get()));
  std::vector<uint8_t> gray(static_cast<size_t>(w) * h);
  for (uint32_t y = 0; y < h; ++y) {
    if (TIFFReadScanline(tif.get(), line.data(), y, 0) < 0) return {};
    for (uint32_t x = 0; x < w; ++x) {
      const bool bit = (line[x / 8] >> (7 - x % 8)) & 1;
      const bool black = photometric == PHOTOMETRIC_MINISWHITE ? bit : !bit;
      gray[static_cast<size_t>(y) * w + x] = black ? 0 : 255;
    }
  }
  *width = static_cast<int>(w);
  *height = static_cast<int>(h);
  return gray;
}

std::vector<uint8_t> ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

std::vector<uint8_t> ReadPbm(const std::string& path, int* width, int* height) {
  const std::vector<uint8_t> bytes = ReadFileBytes(path);
  std::string header(bytes.begin(), bytes.begin() + std::min<size_t>(bytes.size(), 64));
  int w = 0, h = 0, consumed = 0;
  if (std::sscanf(header.c_str(), "P4 %d %d%n", &w, &h, &consumed) != 2 || w <= 0 || h <= 0) {
    return {};
  }
  const size_t offset = static_cast<size_t>(consumed) + 1;  // one whitespace byte
  const size_t stride = (static_cast<size_t>(w) + 7) / 8;
  if (bytes.size() < offset + stride * h) return {};
  std::vector<uint8_t> gray(static_cast<size_t>(w) * h);
  for (int y = 0; y < h; ++y) {
    const uint8_t* row = bytes.data() + offset + stride * y;
    for (int x = 0; x < w; ++x) {
      gray[static_cast<size_t>(y) * w + x] = ((row[x / 8] >> (7 - x % 8)) & 1) ? 0 : 255;
    }
  }
  *width = w;
  *height = h;
  return gray;
}

}  // namespace facteur::testing
