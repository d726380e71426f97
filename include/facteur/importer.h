// Importer: opens an original file (TIFF, PDF, PNG, JPEG, BMP, PNM, raw G3)
// and yields its pages one at a time, decoded and normalised:
//  - TIFF Orientation tag / JPEG EXIF orientation applied,
//  - fax resolutions (204x98, 204x196) resampled to square pixels,
//  - PDF pages rendered at their image resolution, or their text layer kept.
// Pages are decoded on demand so a 200-page stack never sits in memory whole.
//
// Implementations live in src/import/ (one per format); OpenImport() picks one
// by sniffing the file's first bytes, not its extension.
//
// Thread safety: an Importer is stateless and thread-safe; a PageSource is
// used by one thread at a time.
#ifndef FACTEUR_IMPORTER_H_
#define FACTEUR_IMPORTER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "facteur/document.h"
#include "facteur/status.h"

namespace facteur {

struct ImportOptions {
  // Largest page accepted, in pixels (width * height after normalisation).
  // Guards against decompression bombs; a larger page fails with kCorrupt...
  // kUnsupported naming the size. Default 100 Mpx: a 9000x9000 page passes,
  // a 35000x35000 one does not.
  int64_t max_pixels = 100'000'000;
  // Resolution assumed when a file gives none (or a nonsense one).
  double fallback_dpi = 300;
  // Resample non-square fax pixels (204x98, 204x196) to square.
  bool normalise_fax = true;
  // PDF pages with at least this many characters of real text keep their text
  // layer instead of being OCR'd.
  int min_text_layer_chars = 20;
  // Password for encrypted PDFs; empty = none.
  std::string pdf_password;
};

// One opened original. Not thread-safe.
class PageSource {
 public:
  virtual ~PageSource() = default;
  // "tiff", "pdf", "png", "jpeg", "bmp", "pnm", "g3".
  virtual std::string Format() const = 0;
  virtual int PageCount() const = 0;
  // Decodes page `index` (0-based): Page::image, width/height/dpi, is_fax,
  // and, for PDF pages with a text layer, has_text_layer and text.text
  // (the image is still rendered, for the searchable PDF and display).
  // Errors name the page: "page 3: LZW decode failed".
  virtual Result<Page> ReadPage(int index) = 0;
};

class Importer {
 public:
  virtual ~Importer() = default;
  virtual std::string_view Name() const = 0;
  // 0 = cannot read; higher = better fit. `head` is the file's first bytes
  // (up to 64), `path` helps only when the bytes say nothing (raw G3).
  virtual int Score(std::string_view path, std::span<const uint8_t> head) const = 0;
  virtual Result<std::unique_ptr<PageSource>> Open(const std::string& path,
                                                   const ImportOptions& options) const = 0;
};

// Opens `path` with the best-scoring importer. Errors name the file:
// "scan.tif: not a TIFF, PDF or image file".
Result<std::unique_ptr<PageSource>> OpenImport(const std::string& path,
                                               const ImportOptions& options);

}  // namespace facteur

#endif  // FACTEUR_IMPORTER_H_
