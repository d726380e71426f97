// Tesseract's language data: where the traineddata files are, whether the
// languages a pipeline asks for are installed, and what OCR runs with for the
// capture context. The engine itself (src/ocr/tesseract_engine.cc) is made
// by NewTesseractEngine(), declared in include/facteur/ocr_engine.h.
//
// Thread safety: plain functions.
#ifndef FACTEUR_OCR_TESSDATA_H_
#define FACTEUR_OCR_TESSDATA_H_

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

#endif  // FACTEUR_OCR_TESSDATA_H_
