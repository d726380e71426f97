// Degradations: what a mailroom scanner or a fax line does to a clean page.
//
// Each is a function of one page (and an Rng where it is random) and they
// combine in any order; Describe() gives the name recorded in the .json
// ground truth ("skew:1.5"). None changes the text, so Page::lines stays
// the truth. Gray pages stay CV_8UC1; PaperBackground with a colour makes
// CV_8UC3 (BGR).
#ifndef FACTEUR_TOOLS_SAMPLEGEN_DEGRADE_H_
#define FACTEUR_TOOLS_SAMPLEGEN_DEGRADE_H_

#include <string>
#include <vector>

#include "facteur/status.h"
#include "samplegen/page.h"
#include "samplegen/rng.h"

namespace facteur::samplegen {

// Rotates by `degrees` (counter-clockwise positive) about the centre,
// filling uncovered corners with white. Keeps the page size.
void Skew(Page& page, double degrees);
// Adds N(0, sigma) to every pixel; then, as a scanner's auto-levels would,
// maps `white_point` and above to 255 (255 = no clipping).
void GaussianNoise(Page& page, double sigma, Rng& rng, int white_point = 255);
// Sets a `fraction` of pixels to black or white at random.
void SaltPepper(Page& page, double fraction, Rng& rng);
// Gaussian blur with the given sigma in pixels.
void Blur(Page& page, double sigma);
// Re-encodes as JPEG at `quality` (1-100) and decodes it again.
Status JpegArtefacts(Page& page, int quality);
// Multiplies by a paper tone (B, G, R 0-255) with faint low-frequency
// blotches; a non-gray tone makes the page colour.
void PaperBackground(Page& page, int b, int g, int r, Rng& rng);
// A dark band on the left and top edges, `width_mm` wide, slightly uneven.
void ScannerBorder(Page& page, double width_mm, Rng& rng);
// Two (or four) punched holes in the left margin, dark as a scanner lid.
void PunchHoles(Page& page, int count);
// Quarter turns: 90, 180 or 270 degrees clockwise.
void RotateQuarter(Page& page, int degrees);
// Brighter centre, darker corners: a phone photo of a sheet.
void UnevenLighting(Page& page, double strength);
// Fax: resamples to `dpi_x` x `dpi_y` (204x98 normal, 204x196 fine),
// thresholds to 0/255 and adds isolated black specks and an occasional
// dropped scan line.
void FaxTransmit(Page& page, double dpi_x, double dpi_y, Rng& rng);

// "name:param" for the ground truth.
std::string Describe(const std::string& name, double param);

}  // namespace facteur::samplegen

#endif  // FACTEUR_TOOLS_SAMPLEGEN_DEGRADE_H_
