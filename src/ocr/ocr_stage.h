// OcrStage: the "ocr.tesseract" page stage. Each worker owns one OcrEngine;
// each page gets its text, word boxes and a one-page searchable PDF
// (<work_dir>/p0001.pdf, ...) that the output.pdf stage merges.
//
// Pipeline settings (all optional):
//   languages:    fra+eng   Tesseract languages, '+'-joined or a YAML list
//   psm:          3         page segmentation mode (1, 3..13)
//   timeout:      180       seconds per page, 0 = no limit
//   pdf:          true      write the page PDF and set Page::pdf_path
//   tessdata_dir: ""        folder of *.traineddata ("" = Tesseract's own)
//   recover_dropped_text: true   read again the text the page layout dropped
//   recover_min_confidence: 70   keep such a reading from this confidence
// Unknown keys are errors ("pipelines/x.yaml:4: ocr.tesseract: unknown
// setting 'langs'").
//
// Per page: a page with a PDF text layer keeps its text and gets no OCR and
// no page PDF (output.pdf copies the original page). When the engine fails or
// times out, the page is flagged ocr_failed with a note and empty text, an
// image-only page PDF is still written, and Run returns OK.
#ifndef FACTEUR_OCR_OCR_STAGE_H_
#define FACTEUR_OCR_OCR_STAGE_H_

#include <functional>
#include <memory>
#include <string>

#include "facteur/ocr_engine.h"
#include "facteur/settings.h"
#include "facteur/stage.h"
#include "facteur/status.h"

namespace facteur {

struct OcrStageOptions {
  // Passed to each worker's engine.
  OcrOptions ocr;
  // Write <work_dir>/pNNNN.pdf for every OCRed page (needed by output.pdf);
  // false saves the PDF rendering time when only the text is wanted.
  bool write_pdf = true;
};

// Reads the stage's settings section. Errors: kInvalidArgument naming
// file:line for an unknown key, a wrong type or an out-of-range value.
Result<OcrStageOptions> ParseOcrStageSettings(const Settings& settings);

// Makes one engine; called once per worker. Tests pass fakes.
using OcrEngineFactory = std::function<Result<std::unique_ptr<OcrEngine>>(const OcrOptions&)>;

std::unique_ptr<PageStage> NewOcrStage(OcrStageOptions options,
                                       OcrEngineFactory factory = NewTesseractEngine);

// The page PDF's name in the work folder: "p0001.pdf" for page index 0.
std::string PagePdfName(int page_index);

}  // namespace facteur

#endif  // FACTEUR_OCR_OCR_STAGE_H_
