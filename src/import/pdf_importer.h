// PdfImporter: PDF files through poppler-cpp (rendering, text layer) and qpdf
// (listing each page's images, which poppler-cpp cannot do).
//
// Render resolution, per page (see ChooseDpi in the .cc):
//  - the page's largest image sets it when that image is scan-like (its pixel
//    size over the page size gives >= 150 dpi), capped at 1200 dpi;
//  - otherwise (text/vector pages, small logos) options.fallback_dpi (300) on
//    scanner-sized pages (longest side <= 17 in), and on larger pages the
//    image's own lower resolution when it has one;
//  - a page without such an image that would exceed max_pixels is rendered at
//    the highest resolution that fits; a page whose image-driven size, or
//    whose largest embedded image, exceeds max_pixels is refused (decompression
//    bombs such as a 35000x35000 CCITT image in 11 KB).
// Pages come out Gray8 when every rendered pixel is gray, RGB otherwise; /Rotate
// is applied. Pages with at least options.min_text_layer_chars non-space
// characters of text get has_text_layer and text.text, and are still rendered.
// Encrypted files open with options.pdf_password; without it they fail with
// "password required". poppler's messages are silenced.
#ifndef FACTEUR_IMPORT_PDF_IMPORTER_H_
#define FACTEUR_IMPORT_PDF_IMPORTER_H_

#include <memory>

#include "facteur/importer.h"

namespace facteur {

// Scores 100 for "%PDF-" at offset 0, 80 for "%PDF-" later in the first bytes.
std::unique_ptr<Importer> NewPdfImporter();

}  // namespace facteur

#endif  // FACTEUR_IMPORT_PDF_IMPORTER_H_
