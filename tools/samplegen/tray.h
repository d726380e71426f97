// GenerateTray: one scanned tray of several letters, without separator
// sheets, for measuring first-page detection (separate.split first_page).
//
// Letters of 1-3 pages, scanned duplex: each sheet gives a front and a back
// page; most letters are printed one-sided (blank backs, a little dust),
// some recto-verso (page 2 on the back of page 1). Pages get a light scan
// degradation (skew, noise). Writes NAME.tif (8-bit gray LZW, all pages)
// and NAME.truth.tsv: one line per page, "page<TAB>letter<TAB>kind" with
// page 0-based, letter 1-based (0 for a blank back) and kind "first",
// "next" or "blank".
#ifndef FACTEUR_TOOLS_SAMPLEGEN_TRAY_H_
#define FACTEUR_TOOLS_SAMPLEGEN_TRAY_H_

#include <cstdint>
#include <string>

#include "facteur/status.h"

namespace facteur::samplegen {

struct TraySpec {
  std::string name = "tray";
  uint64_t seed = 1;
  int letters = 8;           // letters in the tray
  int dpi = 200;
  std::string language = "both";  // "fr", "en" or "both"
  double recto_verso = 0.3;  // chance a multi-page letter is printed on both sides
};

// Returns the TIFF's path. Errors: External when rendering or writing fails.
Result<std::string> GenerateTray(const TraySpec& spec, const std::string& out_dir);

}  // namespace facteur::samplegen

#endif  // FACTEUR_TOOLS_SAMPLEGEN_TRAY_H_
