// Fallback for CCITT TIFF pages that Debian's libtiff 4.5 refuses (G3 1-D
// without EOLs, premature EOLs, the issue-513 overflow): the raw strips are
// read with TIFFReadRawStrip and decoded by our tolerant DecodeCcittStrips.
// Used by TiffImporter only after libtiff has failed on a page.
#ifndef FACTEUR_IMPORT_TIFF_CCITT_FALLBACK_H_
#define FACTEUR_IMPORT_TIFF_CCITT_FALLBACK_H_

#include <tiffio.h>

#include <opencv2/core.hpp>
#include <string>

#include "facteur/status.h"

namespace facteur::import {

// REQUIRES: `tif`'s current directory is a 1-bit CCITT page (compression 2, 3
// or 4) of w x h pixels. Decodes it to Gray8 0/255 in `out` (stored row
// order) and sets `note` to what was done, e.g. "import: libtiff could not
// decode the CCITT data; tolerant decoder used (12 damaged rows)".
// kCorrupt when no strip decodes either.
Status DecodeCcittFallback(TIFF* tif, uint32_t w, uint32_t h, uint16_t compression,
                           bool min_is_black, cv::Mat* out, std::string* note);

}  // namespace facteur::import

#endif  // FACTEUR_IMPORT_TIFF_CCITT_FALLBACK_H_
