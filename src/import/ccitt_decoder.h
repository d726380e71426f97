// A tolerant CCITT T.4/T.6 decoder for fax data that libtiff refuses:
// G3 1-D without the EOL codes TIFF requires, premature EOLs, truncated
// strips (Debian's libtiff 4.5 fails on these; upstream fixed it in 4.7.1).
// Decodes what is there, row by row, and stops cleanly at the end of data or
// at the first code it cannot read, keeping the rows decoded so far.
#ifndef FACTEUR_IMPORT_CCITT_DECODER_H_
#define FACTEUR_IMPORT_CCITT_DECODER_H_

#include <cstdint>
#include <span>

#include "facteur/image.h"
#include "facteur/status.h"

namespace facteur {

struct CcittParams {
  int width = 1728;        // pixels per row (REQUIRES > 0)
  int rows = 0;            // expected rows; 0 = decode until the data ends
  int compression = 3;     // TIFF compression: 2 = Modified Huffman RLE, 3 = T.4 (G3), 4 = T.6 (G4)
  bool two_d = false;      // T.4 2-D coding (TIFF T4Options bit 0)
  bool lsb_first = false;  // bit order within bytes (TIFF FillOrder = 2)
  bool black_is_1 = false;  // PhotometricInterpretation MinIsBlack inverts the output
};

// What a decode met, for callers that flag partly readable pages.
struct CcittReport {
  int clean_rows = 0;    // rows that decoded without a fault
  int damaged_rows = 0;  // rows cut short by a bad code or a premature EOL (kept, rest white)
  int padded_rows = 0;   // rows missing at the end of the data, padded white
};

// Gray8 image, 0 = black, 255 = white. Errors: kCorrupt when not even one row
// decodes; kInvalidArgument for a bad width (or width * rows above 2^28).
// `report`, if not null, receives the row counts.
Result<Image> DecodeCcitt(std::span<const uint8_t> data, const CcittParams& params,
                          CcittReport* report = nullptr);

// A TIFF image stored in several strips: each strip is an independent CCITT
// stream (byte-aligned start, fresh all-white reference line) holding
// `rows_per_strip` rows, the last one fewer. params.rows (> 0) is the image
// height. A strip that does not decode becomes white rows; kCorrupt only when
// no strip decodes at all. Concatenating the strips for DecodeCcitt instead
// misreads files whose strips end mid-byte or that use 2-D coding.
Result<Image> DecodeCcittStrips(std::span<const std::span<const uint8_t>> strips,
                                int rows_per_strip, const CcittParams& params,
                                CcittReport* report = nullptr);

}  // namespace facteur

#endif  // FACTEUR_IMPORT_CCITT_DECODER_H_
