// RenderLetter: lays a Letter out on A4 pages with Pango on a Cairo image
// surface and returns gray pages with the lines exactly as wrapped.
#ifndef FACTEUR_TOOLS_SAMPLEGEN_RENDER_H_
#define FACTEUR_TOOLS_SAMPLEGEN_RENDER_H_

#include <string>
#include <vector>

#include "facteur/status.h"
#include "samplegen/letter.h"
#include "samplegen/page.h"

namespace facteur::samplegen {

struct RenderOptions {
  // Pixels per inch of the A4 page: 200 gives 1654x2339 (fast, small
  // files, still good OCR); 300 gives 2480x3508.
  int dpi = 200;
  // "DejaVu Serif", "Liberation Serif", "Liberation Sans", or
  // "DejaVu Sans Mono" for a typewriter look.
  std::string font = "DejaVu Serif";
  double font_size_pt = 11;
  // When set, drawn at the top of each page in a small monospace font (a fax
  // header); "{page}" becomes the page number as two digits ("P.01").
  std::string header;
};

// The fonts the generator picks from (all installed by tools/install-deps).
extern const std::vector<std::string> kFonts;

// Errors: External if Cairo fails to make a surface (out of memory).
Result<std::vector<Page>> RenderLetter(const Letter& letter, const RenderOptions& options);

}  // namespace facteur::samplegen

#endif  // FACTEUR_TOOLS_SAMPLEGEN_RENDER_H_
