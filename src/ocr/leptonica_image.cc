#include "ocr/leptonica_image.h"

#include <leptonica/allheaders.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>

namespace facteur {

void PixDeleter::operator()(Pix* pix) const {
  if (pix != nullptr) pixDestroy(&pix);
}

bool IsBilevel(const Image& image) {
  if (image.format() != PixelFormat::kGray8 || image.empty()) return false;
  const uint8_t* p = image.data();
  const uint8_t* end = p + image.size_bytes();
  for (; p != end; ++p) {
    if (*p != 0 && *p != 255) return false;
  }
  return true;
}

int EffectiveDpi(const Image& image) {
  const int dpi = static_cast<int>(std::lround(image.dpi_y() > 0 ? image.dpi_y() : image.dpi_x()));
  return dpi > 0 ? dpi : 300;
}

namespace {

void CopyResolution(const Image& image, Pix* pix) {
  const int dpi = EffectiveDpi(image);
  const int dpi_x = image.dpi_x() > 0 ? static_cast<int>(std::lround(image.dpi_x())) : dpi;
  pixSetResolution(pix, dpi_x, dpi);
}

// Checked before writing because Leptonica would only print its own error
// to stderr when the folder of `path` is missing.
Status CheckFolderOf(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) return Status::IOError(path + ": no such folder");
  return Status::OK();
}

}  // namespace

Result<PixPtr> ImageToPix(const Image& image) {
  if (image.empty()) return Err(Status::InvalidArgument("empty image"));
  const bool rgb = image.format() == PixelFormat::kRgb8;
  PixPtr pix(pixCreate(image.width(), image.height(), rgb ? 32 : 8));
  if (!pix) return Err(Status::External("leptonica: cannot allocate image"));
  const int wpl = pixGetWpl(pix.get());
  l_uint32* data = pixGetData(pix.get());
  for (int y = 0; y < image.height(); ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    const uint8_t* src = image.row(y);
    if (rgb) {
      for (int x = 0; x < image.width(); ++x, src += 3) {
        l_uint32 value = 0;
        composeRGBPixel(src[0], src[1], src[2], &value);
        line[x] = value;
      }
    } else {
      for (int x = 0; x < image.width(); ++x) SET_DATA_BYTE(line, x, src[x]);
    }
  }
  if (rgb) pixSetSpp(pix.get(), 3);
  CopyResolution(image, pix.get());
  return pix;
}

Result<PixPtr> ImageToPix1(const Image& image) {
  if (image.empty() || image.format() != PixelFormat::kGray8)
    return Err(Status::InvalidArgument("a 1-bit image needs a non-empty gray image"));
  PixPtr pix(pixCreate(image.width(), image.height(), 1));  // zeroed: all white
  if (!pix) return Err(Status::External("leptonica: cannot allocate image"));
  const int wpl = pixGetWpl(pix.get());
  l_uint32* data = pixGetData(pix.get());
  for (int y = 0; y < image.height(); ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    const uint8_t* src = image.row(y);
    for (int x = 0; x < image.width(); ++x) {
      if (src[x] < 128) SET_DATA_BIT(line, x);
    }
  }
  CopyResolution(image, pix.get());
  return pix;
}

Result<Image> PixToImage(Pix* pix) {
  if (pix == nullptr) return Err(Status::InvalidArgument("no image"));
  // Colour (or a colour map) -> RGB; everything else -> 8-bit gray. Both
  // conversions return a new PIX (or a clone), so `pix` stays untouched.
  const int depth = pixGetDepth(pix);
  PixColormap* cmap = pixGetColormap(pix);
  bool color = depth == 16 || depth == 24 || depth == 32;
  if (cmap != nullptr) {
    l_int32 has_color = 0;
    pixcmapHasColor(cmap, &has_color);
    color = has_color != 0;
  }
  PixPtr converted(color ? pixConvertTo32(pix) : pixConvertTo8(pix, 0));
  if (!converted) return Err(Status::Unsupported("image of depth " + std::to_string(depth)));
  if (pixGetColormap(converted.get()) != nullptr) {
    converted.reset(pixRemoveColormap(converted.get(), REMOVE_CMAP_TO_GRAYSCALE));
    if (!converted) return Err(Status::Unsupported("image with a colour map"));
  }
  const int w = pixGetWidth(converted.get());
  const int h = pixGetHeight(converted.get());
  Image image(w, h, color ? PixelFormat::kRgb8 : PixelFormat::kGray8);
  const int wpl = pixGetWpl(converted.get());
  const l_uint32* data = pixGetData(converted.get());
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    uint8_t* dst = image.row(y);
    if (color) {
      for (int x = 0; x < w; ++x, dst += 3) {
        l_int32 r, g, b;
        extractRGBValues(line[x], &r, &g, &b);
        dst[0] = r;
        dst[1] = g;
        dst[2] = b;
      }
    } else {
      for (int x = 0; x < w; ++x) dst[x] = GET_DATA_BYTE(line, x);
    }
  }
  image.set_dpi(pixGetXRes(pix), pixGetYRes(pix));
  return image;
}

Status WriteImagePdf(const Image& image, const std::string& path) {
  Result<PixPtr> pix = IsBilevel(image) ? ImageToPix1(image) : ImageToPix(image);
  if (!pix) return pix.error().WithContext(path);
  const std::string tmp = path + ".tmp";
  FACTEUR_RETURN_IF_ERROR(CheckFolderOf(path));
  // Leptonica picks G4 for 1 bpp and JPEG for 8/32 bpp (L_DEFAULT_ENCODE).
  if (pixConvertToPdf(pix.value().get(), L_DEFAULT_ENCODE, 0, tmp.c_str(), 0, 0, EffectiveDpi(image), nullptr,
                      nullptr, 0) != 0) {
    std::remove(tmp.c_str());
    return Status::IOError(path + ": cannot write image PDF");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IOError(path + ": cannot rename " + tmp);
  }
  return Status::OK();
}

Status WriteImageFile(const Image& image, const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  int format = IFF_UNKNOWN;
  if (ext == ".png") format = IFF_PNG;
  if (ext == ".pbm" || ext == ".pgm" || ext == ".ppm" || ext == ".pnm") format = IFF_PNM;
  if (ext == ".tif" || ext == ".tiff") format = IsBilevel(image) ? IFF_TIFF_G4 : IFF_TIFF_ZIP;
  if (format == IFF_UNKNOWN)
    return Status::InvalidArgument(path + ": write .png, .pbm/.pgm/.ppm or .tif images");
  Result<PixPtr> pix = IsBilevel(image) ? ImageToPix1(image) : ImageToPix(image);
  if (!pix) return pix.error().WithContext(path);
  FACTEUR_RETURN_IF_ERROR(CheckFolderOf(path));
  if (pixWrite(path.c_str(), pix.value().get(), format) != 0) return Status::IOError(path + ": cannot write image");
  return Status::OK();
}

}  // namespace facteur
