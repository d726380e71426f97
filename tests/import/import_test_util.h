// Helpers for the import tests: open and read one page, compare images.
#ifndef FACTEUR_TESTS_IMPORT_IMPORT_TEST_UTIL_H_
#define FACTEUR_TESTS_IMPORT_IMPORT_TEST_UTIL_H_

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "facteur/importer.h"
#include "testing/corpus.h"

namespace facteur::testing {

// Page `index` of a corpus file; the error Status when opening or reading fails.
inline Result<Page> ImportPage(const std::string& relative, int index = 0,
                               const ImportOptions& options = {}) {
  auto source = OpenImport(CorpusPath(relative), options);
  if (!source) return Err(source.error());
  return (*source)->ReadPage(index);
}

// A P4 PBM as Gray8 (1 = black -> 0). Empty image when the file is not P4.
inline Image ReadPbm(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int w = 0, h = 0;
  in >> magic >> w >> h;
  in.get();  // the single whitespace before the raster
  if (magic != "P4" || w <= 0 || h <= 0) return Image();
  std::vector<char> bits((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t stride = (w + 7) / 8;
  if (bits.size() < stride * h) return Image();
  Image image(w, h, PixelFormat::kGray8);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const bool black = (static_cast<uint8_t>(bits[stride * y + x / 8]) >> (7 - x % 8)) & 1;
      image.row(y)[x] = black ? 0 : 255;
    }
  }
  return image;
}

// Number of differing bytes; -1 when sizes or formats differ.
inline long CountDiff(const Image& a, const Image& b) {
  if (a.width() != b.width() || a.height() != b.height() || a.format() != b.format()) return -1;
  long diff = 0;
  for (size_t i = 0; i < a.size_bytes(); ++i) diff += a.data()[i] != b.data()[i];
  return diff;
}

// Mean absolute difference per byte; -1 when sizes or formats differ.
inline double MeanAbsDiff(const Image& a, const Image& b) {
  if (a.width() != b.width() || a.height() != b.height() || a.format() != b.format()) return -1;
  double sum = 0;
  for (size_t i = 0; i < a.size_bytes(); ++i) sum += std::abs(a.data()[i] - b.data()[i]);
  return sum / static_cast<double>(a.size_bytes());
}

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_IMPORT_IMPORT_TEST_UTIL_H_
