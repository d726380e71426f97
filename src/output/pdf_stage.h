// PdfStage: the "output.pdf" document stage. Merges the document's pages, in
// order, into <work_dir>/document.pdf and sets Document::pdf_path:
//  - an OCRed page contributes its one-page PDF (Page::pdf_path);
//  - a page whose text came from the original PDF (has_text_layer)
//    contributes page source_index of Document::source.path, untouched.
// A page with neither fails the document with a message naming the page
// (the OCR stage writes an image-only page PDF even when recognition fails,
// so this means the pipeline lacks ocr.tesseract or has `pdf: false`).
// The stage takes no settings; any key is an error naming file:line.
#ifndef FACTEUR_OUTPUT_PDF_STAGE_H_
#define FACTEUR_OUTPUT_PDF_STAGE_H_

#include <memory>
#include <vector>

#include "facteur/document.h"
#include "facteur/settings.h"
#include "facteur/stage.h"
#include "facteur/status.h"
#include "output/pdf_assembler.h"

namespace facteur {

// The pages to assemble for `doc`, in page order.
// Errors: kNotFound naming the first page that has no PDF to take.
Result<std::vector<PdfPageRef>> PdfPagesOf(const Document& doc);

std::unique_ptr<DocumentStage> NewPdfStage();

// Builds the stage from its settings section; rejects every key.
Result<std::unique_ptr<Stage>> MakePdfStage(const Settings& settings);

}  // namespace facteur

#endif  // FACTEUR_OUTPUT_PDF_STAGE_H_
