// A tolerant Code 39 reader for barcodes zxing gives up on: warped,
// stretched or printed with heavy ink spread (corpus/separators/
// patch-code-t-middle-distorted.pdf, a "*PATCHT*" bent by a wave).
//
// It reads scan lines across the bars and judges each character on its own,
// bars apart from spaces: its wide bars and wide space must stand clear of
// the narrow ones. So the module width may drift along the symbol and bars
// may swell while spaces shrink; what zxing's single threshold per
// symbol and its quiet-zone checks reject is read here. A value counts only
// when several scan lines agree, which keeps text and pictures from making
// up a barcode.
//
// Pure function on a GrayPlane; thread-compatible.
#ifndef FACTEUR_SEPARATE_CODE39_ROWS_H_
#define FACTEUR_SEPARATE_CODE39_ROWS_H_

#include <string>
#include <vector>

#include "separate/gray_plane.h"

namespace facteur::separate {

struct Code39RowsOptions {
  int threshold = 128;       // gray under which a pixel is bar
  double line_step_mm = 0.5; // distance between scan lines
  int min_lines = 3;         // scan lines that must read the same value
  double min_ratio = 1.3;    // narrowest wide bar (space) / widest narrow one, per character
};

// The values read (without the '*' start/stop), bars vertical or horizontal,
// read in both directions; each value once, the most agreed first.
// `dpi` <= 0: 200 is assumed.
std::vector<std::string> ReadCode39Rows(const GrayPlane& plane, double dpi, const Code39RowsOptions& options = {});

}  // namespace facteur::separate

#endif  // FACTEUR_SEPARATE_CODE39_ROWS_H_
