#include "import/tiff_ccitt_fallback.h"

#include <span>
#include <vector>

#include "import/ccitt_decoder.h"

namespace facteur::import {
namespace {
// Raw CCITT data above this is not a fax page: refuse rather than buffer it.
constexpr uint64_t kMaxRawBytes = uint64_t{256} << 20;
}  // namespace

Status DecodeCcittFallback(TIFF* tif, uint32_t w, uint32_t h, uint16_t compression,
                           bool min_is_black, cv::Mat* out, std::string* note) {
  const uint32_t strips = TIFFNumberOfStrips(tif);
  uint32_t rps = h;
  TIFFGetFieldDefaulted(tif, TIFFTAG_ROWSPERSTRIP, &rps);
  std::vector<std::vector<uint8_t>> raw(strips);
  uint64_t total = 0;
  for (uint32_t s = 0; s < strips; ++s) {
    const uint64_t size = TIFFRawStripSize64(tif, s);
    if (size == static_cast<uint64_t>(-1)) break;  // missing strip: later rows stay white
    total += size;
    if (total > kMaxRawBytes) return Status::Corrupt("ccitt: raw strips too large");
    raw[s].resize(size);
    const tmsize_t got = TIFFReadRawStrip(tif, s, raw[s].data(), static_cast<tmsize_t>(size));
    raw[s].resize(got > 0 ? static_cast<size_t>(got) : 0);
  }
  std::vector<std::span<const uint8_t>> views(raw.begin(), raw.end());

  uint32_t t4 = 0;
  if (compression == COMPRESSION_CCITTFAX3) TIFFGetField(tif, TIFFTAG_GROUP3OPTIONS, &t4);
  uint16_t fill = FILLORDER_MSB2LSB;
  TIFFGetFieldDefaulted(tif, TIFFTAG_FILLORDER, &fill);
  CcittParams params;
  params.width = static_cast<int>(w);
  params.rows = static_cast<int>(h);
  params.compression = compression == COMPRESSION_CCITTFAX4   ? 4
                       : compression == COMPRESSION_CCITTFAX3 ? 3
                                                              : 2;
  params.two_d = (t4 & GROUP3OPT_2DENCODING) != 0;
  params.lsb_first = fill == FILLORDER_LSB2MSB;
  params.black_is_1 = min_is_black;
  CcittReport report;
  Result<Image> image = DecodeCcittStrips(views, static_cast<int>(rps), params, &report);
  if (!image) return image.error();
  *out = cv::Mat(image->height(), image->width(), CV_8UC1, image->data()).clone();
  *note = "import: libtiff could not decode the CCITT data; tolerant decoder used";
  if (report.damaged_rows > 0 || report.padded_rows > 0) {
    *note += " (" + std::to_string(report.damaged_rows) + " damaged rows, " +
             std::to_string(report.padded_rows) + " missing rows left white)";
  }
  return Status::OK();
}

}  // namespace facteur::import
