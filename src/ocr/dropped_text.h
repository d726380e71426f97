// Text that Tesseract's page layout left out. On noisy typescripts and
// carbon copies psm 3's layout analysis can drop whole paragraphs: they are
// neither read nor reported as pictures (ocr-truth, bljd_DSN169_00006 with
// two stanzas gone; a line of the Curie and Europeana letters). The marks of
// the thresholded page that are the size of letters and that no recognised
// word covers are grouped into regions, which the engine reads again as one
// block each (src/ocr/tesseract_engine.cc).
//
// Thread safety: plain functions.
#ifndef FACTEUR_OCR_DROPPED_TEXT_H_
#define FACTEUR_OCR_DROPPED_TEXT_H_

#include <string>
#include <vector>

#include "facteur/document.h"

struct Pix;

namespace facteur {

// A region of the page holding letter-sized marks no word covers.
struct DroppedRegion {
  int x = 0, y = 0, w = 0, h = 0;  // pixels, with a margin of half a line
  int marks = 0;                   // uncovered letter-sized marks inside
};

// The regions of `binary` (the page as Tesseract thresholded it, 1 bpp,
// 1 = ink) with at least `min_marks` letter-sized marks (0.3..1.5 times the
// median height of `words`, at most three times as wide as high) outside
// every word box of `words`, in page order (top to bottom). Marks close
// enough to be one line or one paragraph are one region. None when fewer
// than three words were read: the letters' size is then unknown.
std::vector<DroppedRegion> FindDroppedText(Pix* binary, const std::vector<WordBox>& words, int min_marks);

// A paragraph of a page's text and where it lies, in Tesseract's reading
// order.
struct Paragraph {
  int top = 0, left = 0, right = 0;
  std::string text;
};

// Puts `part` (the paragraphs of one recovered region) among `paragraphs`:
// before the first paragraph that starts below its top and shares columns
// with it, else at the end.
void InsertInReadingOrder(std::vector<Paragraph>& paragraphs, std::vector<Paragraph> part);

}  // namespace facteur

#endif  // FACTEUR_OCR_DROPPED_TEXT_H_
