#include "separate/tray.h"

#include <tiffio.h>

#include <algorithm>
#include <memory>
#include <random>

namespace facteur::testing {
namespace {

int Mm(double mm) { return static_cast<int>(mm * kTrayDpi / 25.4 + 0.5); }

void Fill(Image& image, int x0, int y0, int w, int h, uint8_t value) {
  for (int y = std::max(0, y0); y < std::min(image.height(), y0 + h); ++y)
    for (int x = std::max(0, x0); x < std::min(image.width(), x0 + w); ++x) image.row(y)[x] = value;
}

void DrawLetter(Image& image, int letter, int page_number) {
  std::mt19937 rng(static_cast<unsigned>(letter * 1000 + page_number));
  std::uniform_int_distribution<int> word(3, 16);
  int top = Mm(25);
  if (page_number == 0) {  // letterhead and recipient block
    Fill(image, Mm(20), Mm(15), Mm(50), Mm(12), 30);
    for (int l = 0; l < 4; ++l) Fill(image, Mm(120), Mm(45 + 6 * l), Mm(40 + 5 * (l % 2)), Mm(3), 40);
    top = Mm(80);
  }
  for (int y = top; y < Mm(270); y += Mm(6)) {
    for (int x = Mm(20); x < Mm(185);) {
      int w = Mm(word(rng));
      if (x + w > Mm(190)) break;
      Fill(image, x, y, w, Mm(2.5), 35);
      x += w + Mm(2.5);
    }
  }
}

void DrawPatchT(Image& image) {
  // Narrow 2 mm, wide 5 mm, spaces 2 mm; N W N W from the edge inwards.
  const double widths[] = {2, 5, 2, 5};
  double x = 12;
  for (double w : widths) {
    Fill(image, Mm(x), Mm(20), Mm(w), Mm(255), 0);
    Fill(image, image.width() - Mm(x) - Mm(w), Mm(20), Mm(w), Mm(255), 0);
    x += w + 2;
  }
}

}  // namespace

Image RenderSheet(const TraySheet& sheet, int page_number) {
  Image image(Mm(210), Mm(297), PixelFormat::kGray8, 250);
  image.set_dpi(kTrayDpi, kTrayDpi);
  switch (sheet.kind) {
    case SheetKind::kLetter:
      DrawLetter(image, sheet.letter, page_number);
      break;
    case SheetKind::kBlank:
      for (int i = 0; i < 5; ++i) Fill(image, Mm(30 + 30 * i), Mm(40 + 45 * i), 2, 2, 90);  // dust
      break;
    case SheetKind::kPatchT:
      DrawPatchT(image);
      break;
  }
  return image;
}

bool WriteTray(const std::string& path, const std::vector<TraySheet>& sheets) {
  std::unique_ptr<TIFF, void (*)(TIFF*)> tif(TIFFOpen(path.c_str(), "w"), [](TIFF* t) {
    if (t) TIFFClose(t);
  });
  if (!tif) return false;
  std::vector<int> seen(64, 0);
  for (size_t i = 0; i < sheets.size(); ++i) {
    int number = sheets[i].kind == SheetKind::kLetter ? seen[static_cast<size_t>(sheets[i].letter)]++ : 0;
    Image image = RenderSheet(sheets[i], number);
    TIFF* t = tif.get();
    TIFFSetField(t, TIFFTAG_IMAGEWIDTH, image.width());
    TIFFSetField(t, TIFFTAG_IMAGELENGTH, image.height());
    TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(t, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
    TIFFSetField(t, TIFFTAG_COMPRESSION, COMPRESSION_LZW);
    TIFFSetField(t, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(t, TIFFTAG_ROWSPERSTRIP, 64);
    TIFFSetField(t, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
    TIFFSetField(t, TIFFTAG_XRESOLUTION, static_cast<float>(kTrayDpi));
    TIFFSetField(t, TIFFTAG_YRESOLUTION, static_cast<float>(kTrayDpi));
    TIFFSetField(t, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
    TIFFSetField(t, TIFFTAG_PAGENUMBER, static_cast<uint16_t>(i), static_cast<uint16_t>(sheets.size()));
    for (int y = 0; y < image.height(); ++y)
      if (TIFFWriteScanline(t, image.row(y), static_cast<uint32_t>(y), 0) < 0) return false;
    if (!TIFFWriteDirectory(t)) return false;
  }
  return true;
}

}  // namespace facteur::testing
