// A scanned tray for separation tests: letters, blank backs and patch T
// sheets rendered in the test and written as one multi-page TIFF (libtiff).
#ifndef FACTEUR_TESTS_SEPARATE_TRAY_H_
#define FACTEUR_TESTS_SEPARATE_TRAY_H_

#include <string>
#include <vector>

#include "facteur/image.h"

namespace facteur::testing {

enum class SheetKind { kLetter, kBlank, kPatchT };

struct TraySheet {
  SheetKind kind = SheetKind::kLetter;
  int letter = 0;  // which letter a kLetter page belongs to (varies its layout)
};

constexpr double kTrayDpi = 150;

// An A4 page at kTrayDpi: pseudo-text blocks, a blank page with a few
// specks of dust, or a Kodak patch T sheet (NWNW bars along both long edges,
// read from each edge inwards, as on corpus/separators/patch-code-t.pdf).
Image RenderSheet(const TraySheet& sheet, int page_number);
// Writes the sheets as a multi-page 8-bit gray LZW TIFF. False on failure.
bool WriteTray(const std::string& path, const std::vector<TraySheet>& sheets);

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_SEPARATE_TRAY_H_
