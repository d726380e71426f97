// Page images for the web page: a stored document's page rendered to PNG.
//
// The searchable PDF is rendered with poppler at the resolution the wanted
// width needs (a 160-pixel thumbnail costs a few milliseconds, not a
// 300-dpi render). A record without a PDF falls back to its original,
// decoded by the importers (facteur/importer.h) and scaled down.
//
// Thread safety: the functions are safe to call from several threads.
#ifndef FACTEUR_SERVE_PAGE_IMAGES_H_
#define FACTEUR_SERVE_PAGE_IMAGES_H_

#include <string>

#include "facteur/image.h"
#include "facteur/status.h"

namespace facteur::serve {

inline constexpr int kMinImageWidth = 32;
inline constexpr int kMaxImageWidth = 2000;

// PNG bytes of page `index` (0-based) of the PDF at `pdf_path`, `width`
// pixels wide (clamped to [kMinImageWidth, kMaxImageWidth]). Errors:
// kNotFound for a page past the end, kCorrupt when poppler cannot render it.
Result<std::string> RenderPdfPage(const std::string& pdf_path, int index, int width);

// The same from any original the importers read (TIFF, PNG, JPEG, PDF...).
Result<std::string> RenderOriginalPage(const std::string& path, int index, int width);

// Box-filter reduction to `width` pixels (kept when already narrower).
Image ScaleToWidth(const Image& image, int width);

// PNG (8-bit gray or RGB, zlib via Poco) of `image`.
std::string EncodePng(const Image& image);

}  // namespace facteur::serve

#endif  // FACTEUR_SERVE_PAGE_IMAGES_H_
