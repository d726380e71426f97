// OcrEngine: turns a page image into text with word boxes and confidences,
// and optionally writes a one-page searchable PDF (image + invisible text).
//
// The real one is Tesseract (src/ocr/tesseract_engine.cc); tests use fakes.
// OrientationDetector (Tesseract OSD, src/ocr/tesseract_osd.cc) tells how a
// page is turned, for the cleanup.orientation stage.
//
// Thread safety: an engine is used by one thread at a time; make one per
// worker. Set OMP_THREAD_LIMIT=1 before the program starts when running
// several (facteur's main does it, src/cli/main.cc).
#ifndef FACTEUR_OCR_ENGINE_H_
#define FACTEUR_OCR_ENGINE_H_

#include <memory>
#include <string>

#include "facteur/document.h"
#include "facteur/image.h"
#include "facteur/status.h"

namespace facteur {

struct OcrOptions {
  // Tesseract language list, '+'-separated.
  std::string languages = "fra+eng";
  // Page segmentation mode (Tesseract --psm); 3 = fully automatic.
  int psm = 3;
  // Folder holding *.traineddata; empty = Tesseract's default (TESSDATA_PREFIX).
  std::string tessdata_dir;
  // Give up on one page after this many seconds (0 = never); the page is then
  // flagged ocr_failed and the document goes on.
  int timeout_seconds = 180;
  // Text the page layout analysis dropped (letter-sized marks no word
  // covers) is read again, one region at a time as a single block, and kept
  // when that reading's mean confidence reaches recover_min_confidence
  // (0..100; lower keeps more, and more noise read as letters).
  bool recover_dropped_text = true;
  int recover_min_confidence = 70;
};

class OcrEngine {
 public:
  virtual ~OcrEngine() = default;
  // Recognises `image` (its dpi is passed to the engine when known; with no
  // dpi, 0, the engine estimates it from the size of the letters). When
  // `pdf_path` is not empty, also writes there a one-page PDF of the image
  // with the recognised text as an invisible, aligned layer.
  // Errors: kExternal when the engine fails, kCancelled on timeout.
  virtual Result<PageText> Recognize(const Image& image, const std::string& pdf_path) = 0;

  // Recognises `ocr_image` (an enhanced copy, e.g. binarized) but puts
  // `display_image` in the page PDF, under the text layer. REQUIRES: both
  // have the same width and height, so word boxes fit both. The default
  // ignores `display_image` (fakes need not care); Tesseract embeds it.
  virtual Result<PageText> RecognizeWithDisplay(const Image& ocr_image, const Image& display_image,
                                                const std::string& pdf_path) {
    (void)display_image;
    return Recognize(ocr_image, pdf_path);
  }
};

// How a page is turned, as found by orientation detection.
struct OrientationGuess {
  // Clockwise rotation, in degrees (0, 90, 180, 270), that makes the page upright.
  int rotate_degrees = 0;
  // The detector's confidence in that answer (Tesseract OSD: ~0..100+;
  // below ~2 is a guess, above ~10 is reliable).
  float confidence = 0;
};

// Finds the orientation of a page's text. One per thread, like OcrEngine.
class OrientationDetector {
 public:
  virtual ~OrientationDetector() = default;
  // Errors: kNotFound when the page has too little text to tell (blank or a
  // picture), kExternal when the engine fails.
  virtual Result<OrientationGuess> Detect(const Image& image) = 0;
};

// Tesseract OSD (osd.traineddata in options.tessdata_dir or the default).
// Errors: kNotFound when osd.traineddata is missing, kExternal otherwise.
Result<std::unique_ptr<OrientationDetector>> NewTesseractOrientationDetector(const OcrOptions& options);

// REQUIRES: the languages' traineddata files are installed.
// Errors: kNotFound naming the missing language, kExternal otherwise.
Result<std::unique_ptr<OcrEngine>> NewTesseractEngine(const OcrOptions& options);

}  // namespace facteur

#endif  // FACTEUR_OCR_ENGINE_H_
