// TiffImporter: multi-page TIFF and BigTIFF through libtiff.
//
// Bilevel pages (1 bit, min-is-white/black) are decoded from their strips to
// Gray8 0/255 exactly; every other page goes through libtiff's RGBA interface
// and comes out Gray8 when all its pixels are gray, RGB otherwise. The
// Orientation tag is applied to every page, fax resolutions are made square
// (ImportOptions::normalise_fax), and the pixel limit is checked from the tags
// before anything is decoded. libtiff's messages never reach stderr: they are
// captured per file and end up in the Status of the call that failed.
#ifndef FACTEUR_IMPORT_TIFF_IMPORTER_H_
#define FACTEUR_IMPORT_TIFF_IMPORTER_H_

#include <memory>

#include "facteur/importer.h"

namespace facteur {

// Scores 100 for the four TIFF/BigTIFF magic numbers.
std::unique_ptr<Importer> NewTiffImporter();

}  // namespace facteur

#endif  // FACTEUR_IMPORT_TIFF_IMPORTER_H_
