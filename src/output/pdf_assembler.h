// PdfAssembler: merges pages of several PDF files into one PDF, and lays
// one-page PDFs over another, with qpdf.
// Each output page is one page of an existing file: a one-page searchable PDF
// written by the OCR stage, or a page of the original PDF that already had a
// text layer. qpdf types stay inside src/output.
//
// Thread safety: plain functions; no shared state.
#ifndef FACTEUR_OUTPUT_PDF_ASSEMBLER_H_
#define FACTEUR_OUTPUT_PDF_ASSEMBLER_H_

#include <string>
#include <vector>

#include "facteur/status.h"

namespace facteur {

// One page to copy: page `page` (0-based) of the PDF file `path`.
struct PdfPageRef {
  std::string path;
  int page = 0;
};

// Writes `pages`, in order, as one PDF at `out_path`: written to
// "<out_path>.tmp" then renamed, so `out_path` is either complete or absent.
// Files named several times are opened once.
// Errors: kInvalidArgument for an empty list; kNotFound for a missing file or
// a page number past the end; kCorrupt when qpdf cannot read a file (the
// message names it); kIOError when the output cannot be written or renamed.
Status AssemblePdf(const std::vector<PdfPageRef>& pages, const std::string& out_path);

// Lays page 1 of each of `overlays` (text-only pages of the same size, e.g.
// text the OCR recovered after the page PDF was written) over page 1 of the
// PDF at `base_path`, which is rewritten ("<base_path>.tmp", then renamed).
// Errors: kNotFound for a missing file; kCorrupt when qpdf cannot read one;
// kIOError when the result cannot be written or renamed.
Status OverlayPdfPage(const std::string& base_path, const std::vector<std::string>& overlays);

}  // namespace facteur

#endif  // FACTEUR_OUTPUT_PDF_ASSEMBLER_H_
