// Kodak patch codes: four parallel bars, two wide (5 mm) and two narrow
// (2 mm), separated by narrow spaces. The six codes, read from the page edge
// the patch stands next to (the leading edge as fed):
//   PATCH1 WWNN   PATCH2 WNNW   PATCH3 WNWN   PATCH4 NWWN   PATCH6 NNWW
//   PATCHT NWNW
// Read from the other side, T looks like 3 and 1 like 6, so a patch is
// always read from its nearer page edge inwards. The patch T sheets in
// corpus/separators carry NWNW groups along both long edges, mirrored,
// so they read T upright and upside down.
//
// The detector measures the bars themselves (no barcode library): it scans
// rows for vertical bars and columns for horizontal ones, and keeps a group
// only when it runs on across at least `min_length_mm`.
#ifndef FACTEUR_SEPARATE_PATCH_CODE_H_
#define FACTEUR_SEPARATE_PATCH_CODE_H_

#include <string>
#include <vector>

#include "separate/gray_plane.h"

namespace facteur::separate {

struct PatchOptions {
  double min_length_mm = 15;  // bars shorter than this are not a patch (Kodak asks >= 19 mm)
  int threshold = 128;        // gray level under which a pixel is bar
};

struct PatchMark {
  std::string code;         // "PATCHT", "PATCH2"...
  bool bars_vertical = true;  // bars run top to bottom (found scanning rows)
  double length_mm = 0;     // how far the bars run
  int position = 0;         // pixel offset of the group across the bars
};

// Every patch found on the page, longest first. `dpi` <= 0: 200 is assumed.
std::vector<PatchMark> FindPatchCodes(const GrayPlane& plane, double dpi, const PatchOptions& options = {});

// "NWNW" -> "PATCHT"; "" for a pattern that is no patch code.
std::string PatchName(const std::string& pattern);

}  // namespace facteur::separate

#endif  // FACTEUR_SEPARATE_PATCH_CODE_H_
