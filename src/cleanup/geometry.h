// Page geometry for the cleanup steps: skew measurement (Leptonica's
// projection-profile sweep and binary search) and rotations applied to a
// page's display and OCR images together, so both stay aligned.
//
// Thread safety: plain functions.
#ifndef FACTEUR_CLEANUP_GEOMETRY_H_
#define FACTEUR_CLEANUP_GEOMETRY_H_

#include "facteur/document.h"
#include "facteur/image.h"
#include "facteur/status.h"

namespace facteur::cleanup {

struct Skew {
  // Clockwise rotation in degrees that straightens the text lines.
  double degrees = 0;
  // Leptonica's confidence: ratio of the best to the worst profile score
  // (0 when not measurable; above ~3 is reliable).
  double confidence = 0;
};

// Measures the skew of `image` within +/- max_degrees.
// Errors: kExternal when Leptonica fails.
Result<Skew> FindSkew(const Image& image, double max_degrees);

// Leptonica's vote on which way Latin text points (pixOrientDetect: more
// ascenders than descenders when upright), on a copy binarised after
// background normalisation, decided by Leptonica's own rule
// (makeOrientDecision: confidence 8 and a 2.5 ratio between the two
// directions). Some 40 ms on a 150 dpi A4 page, against ~450 ms for
// Tesseract OSD, but sure of itself only on ordinary Latin text.
// When that rule is unsure but one direction has confidence 8 and 1.5 times
// the other's, the text lines settle it: the vote stands when Leptonica's
// skew search finds lines along its axis (confidence 3), and, for a quarter
// turn, none across the page.
struct AscenderVote {
  double up = 0;            // > 0 upright, < 0 upside down
  double sideways = 0;      // > 0 text turned a quarter counter-clockwise
  int rotate_degrees = -1;  // clockwise turn making the page upright; -1 unsure
  bool by_lines = false;    // decided with the text lines' help
  double lines_across = 0;  // skew-search confidence of lines across the page (0 = not measured)
  double lines_down = 0;    // the same down the page
};
// Errors: kExternal when OpenCV fails; a page Leptonica cannot judge gives
// an unsure vote.
Result<AscenderVote> VoteAscenders(const Image& image);

// A copy of `image` turned clockwise by `degrees` about its centre, same size,
// white brought in at the corners. Bilevel images stay bilevel.
Image RotateImage(const Image& image, double degrees);

// Turns the page clockwise by a multiple of 90 degrees (image, ocr_image,
// width and height).
void RotatePageQuarter(Page& page, int clockwise_degrees);

// Turns the page clockwise by a small angle (deskew); the size is kept.
void RotatePage(Page& page, double clockwise_degrees);

}  // namespace facteur::cleanup

#endif  // FACTEUR_CLEANUP_GEOMETRY_H_
