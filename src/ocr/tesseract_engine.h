// TesseractEngine: the OcrEngine backed by Tesseract 5's LSTM recogniser
// (tesseract::TessBaseAPI). NewTesseractEngine() is declared in
// include/facteur/ocr_engine.h; this header adds what the OCR folder shares.
//
// Thread safety: one engine per thread (see OcrEngine).
#ifndef FACTEUR_OCR_TESSERACT_ENGINE_H_
#define FACTEUR_OCR_TESSERACT_ENGINE_H_

#include <map>
#include <string>

#include "facteur/ocr_engine.h"
#include "facteur/status.h"

namespace facteur {

// The folder holding *.traineddata for `options`: options.tessdata_dir when
// set, else $TESSDATA_PREFIX (the folder itself or its tessdata/ child), else
// the folder Debian's Tesseract was built with. No trailing '/'.
std::string ResolveTessdataDir(const OcrOptions& options);

// What OCR runs with, for the capture context (issue 7): "ocr_engine"
// (tesseract and its version), "ocr_languages", and for each language
// "ocr_model_<lang>_sha256" of its traineddata file ("missing" when absent).
std::map<std::string, std::string> TesseractProvenance(const OcrOptions& options);

// OK when every language of options.languages has its traineddata file.
// Errors: kInvalidArgument for an empty or malformed list, kNotFound naming
// the first missing language and the tessdata folder.
Status CheckLanguages(const OcrOptions& options);

}  // namespace facteur

#endif  // FACTEUR_OCR_TESSERACT_ENGINE_H_
