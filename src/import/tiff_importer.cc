#include "import/tiff_importer.h"

#include <tiffio.h>

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "import/page_util.h"
#include "import/tiff_ccitt_fallback.h"

namespace facteur {
namespace {

using import::CheckPixelLimit;

// Per-file message sink for libtiff (TIFFOpenOptionsSetErrorHandlerExtR), so
// nothing is printed and concurrent files do not mix their messages.
int CaptureError(TIFF*, void* user_data, const char* module, const char* fmt, va_list ap) {
  auto* sink = static_cast<std::string*>(user_data);
  char buf[512];
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  if (sink->size() < 2000) {
    if (!sink->empty()) *sink += "; ";
    if (module != nullptr && *module != '\0') *sink += std::string(module) + ": ";
    *sink += buf;
  }
  return 1;  // handled: do not call the global (printing) handler
}

bool IsCcitt(uint16_t compression) {
  return compression == COMPRESSION_CCITTRLE || compression == COMPRESSION_CCITTFAX3 ||
         compression == COMPRESSION_CCITTFAX4 || compression == COMPRESSION_CCITTRLEW;
}

class TiffSource : public PageSource {
 public:
  explicit TiffSource(const ImportOptions& options) : options_(options) {}
  ~TiffSource() override {
    if (tif_ != nullptr) TIFFClose(tif_);
  }

  Status Init(const std::string& path) {
    TIFFOpenOptions* opts = TIFFOpenOptionsAlloc();
    TIFFOpenOptionsSetErrorHandlerExtR(opts, CaptureError, &errors_);
    TIFFOpenOptionsSetWarningHandlerExtR(opts, CaptureError, &warnings_);
    // libtiff's own buffers (strips, tiles) stay bounded even for hostile tags.
    TIFFOpenOptionsSetMaxSingleMemAlloc(opts, 512 << 20);
    tif_ = TIFFOpenExt(path.c_str(), "r", opts);
    TIFFOpenOptionsFree(opts);
    if (tif_ == nullptr) return Status::Corrupt("cannot open TIFF: " + TakeErrors());
    // Counts the main IFD chain only (not SubIFDs); libtiff stops at loops.
    pages_ = TIFFNumberOfDirectories(tif_);
    if (pages_ <= 0) return Status::Corrupt("no readable image directory: " + TakeErrors());
    return Status::OK();
  }

  std::string Format() const override { return "tiff"; }
  int PageCount() const override { return pages_; }

  Result<Page> ReadPage(int index) override {
    return import::ReadPageChecked(index, pages_, [&] { return ReadPageUnchecked(index); });
  }

 private:
  // The errors since the last call, else the warnings (libtiff's fax decoder
  // often fails with only a warning such as "Premature EOL").
  std::string TakeErrors() {
    std::string e = !errors_.empty()     ? errors_
                    : !warnings_.empty() ? warnings_
                                         : "unknown libtiff error";
    errors_.clear();
    warnings_.clear();
    return e;
  }

  // Resolution in dpi, or the fallback for absent/none/nonsense values
  // (then returns false).
  bool ReadResolution(double* xdpi, double* ydpi) const {
    float xr = 0, yr = 0;
    uint16_t unit = RESUNIT_INCH;
    const bool has_x = TIFFGetField(tif_, TIFFTAG_XRESOLUTION, &xr) == 1;
    const bool has_y = TIFFGetField(tif_, TIFFTAG_YRESOLUTION, &yr) == 1;
    TIFFGetFieldDefaulted(tif_, TIFFTAG_RESOLUTIONUNIT, &unit);
    double scale = unit == RESUNIT_CENTIMETER ? 2.54 : unit == RESUNIT_INCH ? 1.0 : 0.0;
    *xdpi = has_x ? xr * scale : 0;
    *ydpi = has_y ? yr * scale : 0;
    return import::SettleDpi(xdpi, ydpi, options_);
  }

  Result<Page> ReadPageUnchecked(int index) {
    errors_.clear();
    warnings_.clear();
    if (!TIFFSetDirectory(tif_, static_cast<tdir_t>(index))) {
      return Err(Status::Corrupt("cannot read directory: " + TakeErrors()));
    }
    uint32_t w = 0, h = 0;
    uint16_t bps = 1, spp = 1, photometric = PHOTOMETRIC_MINISWHITE, compression = 1,
             orientation = ORIENTATION_TOPLEFT;
    if (!TIFFGetField(tif_, TIFFTAG_IMAGEWIDTH, &w) ||
        !TIFFGetField(tif_, TIFFTAG_IMAGELENGTH, &h) || w == 0 || h == 0) {
      return Err(Status::Corrupt("missing or zero image size"));
    }
    TIFFGetFieldDefaulted(tif_, TIFFTAG_BITSPERSAMPLE, &bps);
    TIFFGetFieldDefaulted(tif_, TIFFTAG_SAMPLESPERPIXEL, &spp);
    TIFFGetFieldDefaulted(tif_, TIFFTAG_COMPRESSION, &compression);
    TIFFGetFieldDefaulted(tif_, TIFFTAG_ORIENTATION, &orientation);
    if (!TIFFGetField(tif_, TIFFTAG_PHOTOMETRIC, &photometric)) {
      photometric = PHOTOMETRIC_MINISWHITE;  // common in fax files
    }
    double xdpi = 0, ydpi = 0;
    const bool dpi_stated = ReadResolution(&xdpi, &ydpi);
    int64_t out_w = 0, out_h = 0;
    import::NormalisedSize(static_cast<int>(std::min<uint32_t>(w, INT32_MAX)),
                           static_cast<int>(std::min<uint32_t>(h, INT32_MAX)), orientation, xdpi,
                           ydpi, options_, &out_w, &out_h);
    if (Status s = CheckPixelLimit(w, h, options_); !s.ok()) return Err(s);
    if (Status s = CheckPixelLimit(out_w, out_h, options_); !s.ok()) return Err(s);

    const bool bilevel =
        bps == 1 && spp == 1 &&
        (photometric == PHOTOMETRIC_MINISWHITE || photometric == PHOTOMETRIC_MINISBLACK);
    cv::Mat mat;
    std::string note;
    Status s = bilevel && !TIFFIsTiled(tif_)
                   ? ReadBilevel(w, h, photometric == PHOTOMETRIC_MINISWHITE, &mat)
                   : ReadRgba(w, h, &mat);
    if (!s.ok() && bilevel && IsCcitt(compression) && compression != COMPRESSION_CCITTRLEW) {
      Status fallback = import::DecodeCcittFallback(
          tif_, w, h, compression, photometric == PHOTOMETRIC_MINISBLACK, &mat, &note);
      if (!fallback.ok()) return Err(Status::Corrupt(s.message() + "; " + fallback.message()));
      s = Status::OK();
    }
    if (!s.ok()) return Err(s);
    if (note.empty() && !errors_.empty()) {
      // libtiff's fax decoder fills rows after a bad code and reports success.
      note = "import: damaged data, page partly decoded: " + TakeErrors();
    }
    import::ApplyOrientation(orientation, mat);
    if (orientation >= 5 && orientation <= 8) std::swap(xdpi, ydpi);
    Page page = import::MakePage(index, std::move(mat), xdpi, ydpi, bps == 1, IsCcitt(compression),
                                 options_);
    page.dpi_assumed = !dpi_stated;
    if (!note.empty()) page.notes.insert(page.notes.begin(), note);
    return page;
  }

  // 1-bit strips -> Gray8 0/255. libtiff applies FillOrder.
  Status ReadBilevel(uint32_t w, uint32_t h, bool min_is_white, cv::Mat* out) {
    uint32_t rps = h;
    TIFFGetFieldDefaulted(tif_, TIFFTAG_ROWSPERSTRIP, &rps);
    if (rps == 0 || rps > h) rps = h;
    const size_t stride = (static_cast<size_t>(w) + 7) / 8;
    std::vector<uint8_t> packed(stride * h, 0);
    const uint32_t strips = TIFFNumberOfStrips(tif_);
    errors_.clear();  // from here on, errors are about this page's data
    for (uint32_t s = 0; s < strips && static_cast<uint64_t>(s) * rps < h; ++s) {
      const uint32_t rows = std::min<uint32_t>(rps, h - s * rps);
      const tmsize_t got = TIFFReadEncodedStrip(tif_, s, packed.data() + stride * s * rps,
                                                static_cast<tmsize_t>(stride * rows));
      if (got < 0) {
        return Status::Corrupt("cannot decode strip " + std::to_string(s) + ": " + TakeErrors());
      }
    }
    cv::Mat mat(static_cast<int>(h), static_cast<int>(w), CV_8UC1);
    const uint8_t ink = 0, paper = 255;
    for (uint32_t y = 0; y < h; ++y) {
      const uint8_t* src = packed.data() + stride * y;
      uint8_t* dst = mat.ptr<uint8_t>(static_cast<int>(y));
      for (uint32_t x = 0; x < w; ++x) {
        const bool one = (src[x >> 3] >> (7 - (x & 7))) & 1;
        dst[x] = (one == min_is_white) ? ink : paper;
      }
    }
    *out = std::move(mat);
    return Status::OK();
  }

  // Everything else through TIFFRGBAImage, in stored row order (orientation is
  // applied afterwards, uniformly for all page kinds), alpha over white.
  Status ReadRgba(uint32_t w, uint32_t h, cv::Mat* out) {
    char emsg[1024] = "";
    if (!TIFFRGBAImageOK(tif_, emsg)) return Status::Unsupported(emsg);
    TIFFRGBAImage img;
    if (!TIFFRGBAImageBegin(&img, tif_, 0, emsg)) return Status::Unsupported(emsg);
    img.orientation = ORIENTATION_TOPLEFT;
    img.req_orientation = ORIENTATION_TOPLEFT;
    std::vector<uint32_t> raster(static_cast<size_t>(w) * h, 0xffffffffu);
    errors_.clear();  // directory-reading complaints are not decode failures
    const int ok = TIFFRGBAImageGet(&img, raster.data(), w, h);
    TIFFRGBAImageEnd(&img);
    // libtiff reports some broken strips as errors yet returns success; a page
    // with missing data is refused rather than passed on partly blank.
    if (!ok || !errors_.empty()) return Status::Corrupt("cannot decode image: " + TakeErrors());
    bool gray = true;
    cv::Mat rgb(static_cast<int>(h), static_cast<int>(w), CV_8UC3);
    for (uint32_t y = 0; y < h; ++y) {
      const uint32_t* src = raster.data() + static_cast<size_t>(w) * y;
      uint8_t* dst = rgb.ptr<uint8_t>(static_cast<int>(y));
      for (uint32_t x = 0; x < w; ++x) {
        const uint32_t p = src[x];
        const uint32_t a = TIFFGetA(p);
        const uint32_t r = (TIFFGetR(p) * a + 255 * (255 - a) + 127) / 255;
        const uint32_t g = (TIFFGetG(p) * a + 255 * (255 - a) + 127) / 255;
        const uint32_t b = (TIFFGetB(p) * a + 255 * (255 - a) + 127) / 255;
        dst[3 * x] = static_cast<uint8_t>(r);
        dst[3 * x + 1] = static_cast<uint8_t>(g);
        dst[3 * x + 2] = static_cast<uint8_t>(b);
        gray = gray && r == g && g == b;
      }
    }
    if (gray) {
      cv::Mat g;
      cv::extractChannel(rgb, g, 0);
      *out = std::move(g);
    } else {
      *out = std::move(rgb);
    }
    return Status::OK();
  }

  const ImportOptions options_;
  TIFF* tif_ = nullptr;
  std::string errors_;    // libtiff errors since the last TakeErrors()
  std::string warnings_;  // and warnings
  int pages_ = 0;
};

class TiffImporter : public Importer {
 public:
  std::string_view Name() const override { return "tiff"; }
  int Score(std::string_view, std::span<const uint8_t> head) const override {
    if (head.size() < 4) return 0;
    const bool ii =
        head[0] == 'I' && head[1] == 'I' && head[3] == 0 && (head[2] == 42 || head[2] == 43);
    const bool mm =
        head[0] == 'M' && head[1] == 'M' && head[2] == 0 && (head[3] == 42 || head[3] == 43);
    return ii || mm ? 100 : 0;
  }
  Result<std::unique_ptr<PageSource>> Open(const std::string& path,
                                           const ImportOptions& options) const override {
    auto source = std::make_unique<TiffSource>(options);
    Status s = source->Init(path);
    if (!s.ok()) return Err(s);
    return std::unique_ptr<PageSource>(std::move(source));
  }
};

}  // namespace

std::unique_ptr<Importer> NewTiffImporter() { return std::make_unique<TiffImporter>(); }

}  // namespace facteur
