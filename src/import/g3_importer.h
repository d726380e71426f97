// G3Importer: raw CCITT G3 fax data with no header (".g3" files, as fax
// modems and some fax servers store them). The bytes carry no magic number,
// so it scores low and only on the extension: any real format wins.
//
// Assumed, since nothing in the file says otherwise: 1728 pixels per row
// (ITU A4 width), MSB-first bit order, 1-D (Modified Huffman with EOLs), and
// the resolution from the row count: fewer than 1400 rows is "normal"
// 204x98 dpi, more is "fine" 204x196 dpi (an A4 page has ~1145 or ~2290).
// Pages come out with square pixels (ImportOptions::normalise_fax).
#ifndef FACTEUR_IMPORT_G3_IMPORTER_H_
#define FACTEUR_IMPORT_G3_IMPORTER_H_

#include <memory>

#include "facteur/importer.h"

namespace facteur {

// Scores 10 for a path ending in ".g3" (any case), 0 otherwise.
std::unique_ptr<Importer> NewG3Importer();

}  // namespace facteur

#endif  // FACTEUR_IMPORT_G3_IMPORTER_H_
