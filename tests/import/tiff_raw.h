// Test-only helpers: the raw CCITT data and decode parameters of a TIFF,
// read with libtiff (TIFFReadRawStrip per strip, concatenated), and a TIFF's
// pixels as libtiff decodes them, for cross-checking the CCITT decoder.
#ifndef FACTEUR_TESTS_IMPORT_TIFF_RAW_H_
#define FACTEUR_TESTS_IMPORT_TIFF_RAW_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "import/ccitt_decoder.h"

namespace facteur::testing {

struct RawTiff {
  bool ok = false;
  std::vector<uint8_t> data;  // every strip's raw bytes, in order
  CcittParams params;         // width, rows, compression, T4Options, FillOrder, Photometric
  std::vector<size_t> strip_sizes;
  int rows_per_strip = 0;

  // Each strip's bytes, as views into `data`.
  std::vector<std::span<const uint8_t>> Strips() const;
};

// Reads the first directory of `path`. ok == false when libtiff cannot open it.
RawTiff ReadRawTiff(const std::string& path);

// Decodes `path` with libtiff scanlines into Gray8 rows (0 = black, 255 =
// white), for 1-bit images. Empty when libtiff fails.
std::vector<uint8_t> LibtiffGray(const std::string& path, int* width, int* height);

// A P4 PBM (1 = black) as Gray8 (0 = black). Empty when unreadable.
std::vector<uint8_t> ReadPbm(const std::string& path, int* width, int* height);

// Whole file contents.
std::vector<uint8_t> ReadFileBytes(const std::string& path);

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_IMPORT_TIFF_RAW_H_
