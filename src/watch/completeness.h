// Is a file in the watched folder whole? A cheap structural check, run once a
// file has been quiet, because size and mtime standing still prove nothing on
// SMB/FTP (paperless-ngx #14219, #1279: a scanner creates the file, pauses,
// writes the rest).
//   TIFF  every IFD of the chain, and every strip, tile and tag value they
//         point at, lies inside the file (classic and BigTIFF, both orders)
//   PDF   a %%EOF near the end whose startxref points inside the file
//   JPEG  ends with EOI (FFD9), trailing NUL padding allowed
//   PNG   an IEND chunk with its CRC at the end
//   BMP   at least as long as its header says
// Anything else (PNM, raw G3, unknown bytes) cannot be judged here: the
// importer decides, and a file it cannot read goes to failed/.
//
// Thread safety: stateless.
#ifndef FACTEUR_WATCH_COMPLETENESS_H_
#define FACTEUR_WATCH_COMPLETENESS_H_

#include <string>

namespace facteur {

enum class Completeness {
  kComplete,    // the structure is whole
  kIncomplete,  // something points past the end, or the end marker is missing
  kUnknown,     // a format without an end marker, or structure too odd to judge
};

struct CompletenessReport {
  Completeness verdict = Completeness::kUnknown;
  std::string reason;  // for kIncomplete: "tiff: IFD 4 at 81234 is past the end (80000 bytes)"
};

// Reads the head and tail of `path` (and, for TIFF, its directories). A file
// that cannot be opened is kIncomplete with the system's reason (it may be
// locked or mid-rename); the caller sees it vanish on the next scan.
CompletenessReport CheckComplete(const std::string& path);

}  // namespace facteur

#endif  // FACTEUR_WATCH_COMPLETENESS_H_
