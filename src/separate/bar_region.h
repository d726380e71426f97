// Barcode-like regions: many thin parallel bars that stay the same over a
// height, as a 1-D barcode looks, whether or not it can be decoded. Used to
// report a separator sheet that cannot be read instead of merging two
// letters silently. Text does not qualify: its strokes change within a few
// tenths of a millimetre and its lines are separated by blank rows.
// Scale-free on purpose: corpus/separators/patch-code-t-middle-unreadable.pdf
// is a Code 39 blown up to 12 mm grey bars.
#ifndef FACTEUR_SEPARATE_BAR_REGION_H_
#define FACTEUR_SEPARATE_BAR_REGION_H_

#include "separate/gray_plane.h"

namespace facteur::separate {

struct BarRegionOptions {
  int min_bars = 12;           // dark bars side by side
  double max_bar_mm = 15;      // wider dark runs end a region (borders, photos)
  double max_gap_mm = 15;      // wider light runs end a region
  double min_width_ratio = 2;  // widest / narrowest bar: barcodes mix narrow and wide
                               // bars, ruled lines and text-line rhythms do not
  double min_height_mm = 8;    // the bars must run on this far
  double min_similarity = 0.8; // dark pixels shared by one scan line and the next,
                               // over those dark in either (text strokes change fast)
  int threshold = 200;         // gray under which a pixel is bar (faint grey bars count)
};

// How many barcode-like regions the page has, bars vertical or horizontal.
// `dpi` <= 0: 200 is assumed.
int CountBarRegions(const GrayPlane& plane, double dpi, const BarRegionOptions& options = {});

}  // namespace facteur::separate

#endif  // FACTEUR_SEPARATE_BAR_REGION_H_
