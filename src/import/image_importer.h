// ImageImporter: single-image files. JPEG through OpenCV (tolerant of damaged
// metadata segments, CMYK converted) with our own JFIF/EXIF parsing; PNG, BMP,
// PNM/PBM, GIF and WebP through Leptonica, which also reports their resolution.
//
// The header's dimensions are checked against ImportOptions::max_pixels
// before the pixels are decoded. JPEG EXIF orientation (1..8) is applied.
// Bilevel and gray images come out Gray8, colour ones RGB (alpha composited
// over white, CMYK JPEGs converted). HEIC is recognised and refused with
// kUnsupported.
#ifndef FACTEUR_IMPORT_IMAGE_IMPORTER_H_
#define FACTEUR_IMPORT_IMAGE_IMPORTER_H_

#include <cstdint>
#include <memory>
#include <span>

#include "facteur/importer.h"

namespace facteur {

std::unique_ptr<Importer> NewImageImporter();

namespace import {
struct JpegMeta {
  int orientation = 1;  // EXIF Orientation 1..8; 1 when absent or invalid
  double xdpi = 0;      // JFIF density, else EXIF X/YResolution, in dpi;
  double ydpi = 0;      // 0 when absent, aspect-only or malformed
  int width = 0;        // from the first SOFn; 0 when none was found
  int height = 0;
};
// Reads the JFIF, EXIF and SOFn segments before the first scan; never fails.
JpegMeta ParseJpegMeta(std::span<const uint8_t> jpeg);
}  // namespace import

}  // namespace facteur

#endif  // FACTEUR_IMPORT_IMAGE_IMPORTER_H_
