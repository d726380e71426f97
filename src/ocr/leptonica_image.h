// Conversions between facteur::Image and Leptonica's PIX, for the OCR folder
// (Tesseract takes and renders PIX) and the cleanup steps that call Leptonica
// (src/cleanup/geometry.cc). Leptonica types stay inside src/ocr and that file.
//
// Thread safety: plain functions; each call owns what it creates.
#ifndef FACTEUR_OCR_LEPTONICA_IMAGE_H_
#define FACTEUR_OCR_LEPTONICA_IMAGE_H_

#include <memory>
#include <string>

#include "facteur/image.h"
#include "facteur/status.h"

struct Pix;

namespace facteur {

struct PixDeleter {
  void operator()(Pix* pix) const;
};
// An owned PIX; destroyed with pixDestroy.
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// True when `image` is Gray8 and every pixel is 0 or 255 (a fax or a
// binarized scan), so it can be stored at 1 bit per pixel without loss.
bool IsBilevel(const Image& image);

// An 8-bit gray PIX (Gray8) or a 32-bit RGB PIX (Rgb8) with the image's dpi.
// Errors: kInvalidArgument for an empty image, kExternal if Leptonica fails.
Result<PixPtr> ImageToPix(const Image& image);

// A 1-bit PIX (1 = black) of a Gray8 image, thresholded at 128, with its dpi.
// Errors: kInvalidArgument unless Gray8 and not empty, kExternal otherwise.
Result<PixPtr> ImageToPix1(const Image& image);

// The pixels of any PIX as Gray8 (1, 2, 4, 8 bpp, gray colormaps) or Rgb8
// (colour, 16/32 bpp), with its resolution. The PIX is not changed.
// Errors: kUnsupported for depths Leptonica cannot convert.
Result<Image> PixToImage(Pix* pix);

// Writes `image` alone as a one-page PDF (no text) at its dpi (300 when
// unknown): bilevel pages as CCITT G4, gray and colour as JPEG. Used when OCR
// failed but the page must still appear in the document's PDF.
// Errors: kIOError naming `path`.
Status WriteImagePdf(const Image& image, const std::string& path);

// Writes `image` as a PNG, PNM or TIFF file, chosen by the extension of
// `path` (.png, .pbm/.pgm/.ppm/.pnm, .tif/.tiff). Bilevel images are written
// at 1 bit per pixel (a .pbm is then P4), others as 8-bit gray or RGB.
// Errors: kInvalidArgument for another extension, kIOError naming `path`.
Status WriteImageFile(const Image& image, const std::string& path);

// The dpi to tell Tesseract and PDF writers: the image's vertical dpi
// rounded, or 300 when unknown. (Tesseract raises values below 70 to 70.)
int EffectiveDpi(const Image& image);

}  // namespace facteur

#endif  // FACTEUR_OCR_LEPTONICA_IMAGE_H_
