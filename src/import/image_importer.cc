#include "import/image_importer.h"

#include <leptonica/allheaders.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "import/page_util.h"

namespace facteur {
namespace import {

JpegMeta ParseJpegMeta(std::span<const uint8_t> d) {
  JpegMeta meta;
  size_t i = 2;  // after SOI
  while (i + 4 <= d.size()) {
    // Resynchronise on the next marker the way libjpeg does: damaged segment
    // lengths leave "extraneous bytes" before it, and 0xFF may be fill.
    if (d[i] != 0xFF || d[i + 1] == 0xFF) {
      ++i;
      continue;
    }
    const uint8_t marker = d[i + 1];
    if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
      i += 2;  // not a segment start / standalone marker
      continue;
    }
    if (marker == 0xDA || marker == 0xD9) break;  // start of scan / end of image
    const size_t len = (static_cast<size_t>(d[i + 2]) << 8) | d[i + 3];
    if (len < 2 || i + 2 + len > d.size()) break;
    const uint8_t* seg = &d[i + 4];
    if (marker == 0xE0 && len >= 16 && std::memcmp(seg, "JFIF\0", 5) == 0) {
      const int unit = seg[7];
      const double x = (seg[8] << 8) | seg[9], y = (seg[10] << 8) | seg[11];
      const double scale = unit == 1 ? 1.0 : unit == 2 ? 2.54 : 0.0;  // 0: aspect only
      meta.xdpi = x * scale;
      meta.ydpi = y * scale;
    }
    if (marker == 0xE1 && len >= 16 && std::memcmp(seg, "Exif\0\0", 6) == 0) {
      const uint8_t* t = seg + 6;
      const size_t tlen = len - 8;
      const bool le = t[0] == 'I' && t[1] == 'I';
      auto u16 = [&](size_t o) -> uint32_t {
        if (o + 2 > tlen) return 0;
        return le ? t[o] | (t[o + 1] << 8) : (t[o] << 8) | t[o + 1];
      };
      auto u32 = [&](size_t o) -> uint32_t {
        if (o + 4 > tlen) return 0;
        return le ? u16(o) | (u16(o + 2) << 16) : (u16(o) << 16) | u16(o + 2);
      };
      // RATIONAL (type 5) values only: broken files store strings here.
      auto rational = [&](size_t entry) -> double {
        if (u16(entry + 2) != 5) return 0;
        const size_t at = u32(entry + 8);
        const uint32_t num = u32(at), den = u32(at + 4);
        return den == 0 ? 0 : static_cast<double>(num) / den;
      };
      const size_t ifd = u32(4);
      const uint32_t entries = u16(ifd);
      double exif_x = 0, exif_y = 0, exif_scale = 1;  // ResolutionUnit default: inch
      for (uint32_t e = 0; e < entries && ifd + 2 + 12 * (e + 1) <= tlen; ++e) {
        const size_t entry = ifd + 2 + 12 * e;
        const uint32_t tag = u16(entry);
        if (tag == 0x0112) {
          const uint32_t v = u16(entry + 8);
          meta.orientation = v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
        } else if (tag == 0x011A) {
          exif_x = rational(entry);
        } else if (tag == 0x011B) {
          exif_y = rational(entry);
        } else if (tag == 0x0128) {
          const uint32_t unit = u16(entry + 8);
          exif_scale = unit == 2 ? 1.0 : unit == 3 ? 2.54 : 0.0;
        }
      }
      if (meta.xdpi == 0 && meta.ydpi == 0) {  // JFIF density wins when present
        meta.xdpi = exif_x * exif_scale;
        meta.ydpi = exif_y * exif_scale;
      }
    }
    const bool sof =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof && len >= 8 && meta.width == 0) {
      meta.height = (seg[1] << 8) | seg[2];
      meta.width = (seg[3] << 8) | seg[4];
    }
    i += 2 + len;
  }
  return meta;
}

}  // namespace import

namespace {

using PixPtr = std::unique_ptr<PIX, void (*)(PIX*)>;
void DestroyPix(PIX* p) { pixDestroy(&p); }
PixPtr Wrap(PIX* p) { return PixPtr(p, DestroyPix); }

void QuietLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

// Pix (any depth) -> 8-bit gray or RGB Mat; alpha over white.
cv::Mat PixToMat(PIX* pix, bool* bilevel) {
  *bilevel = pixGetDepth(pix) == 1;
  PixPtr owned =
      Wrap(pixGetColormap(pix) != nullptr ? pixRemoveColormap(pix, REMOVE_CMAP_BASED_ON_SRC)
                                          : pixClone(pix));
  if (pixGetDepth(owned.get()) == 32) {
    if (pixGetSpp(owned.get()) == 4) owned = Wrap(pixRemoveAlpha(owned.get()));
    const int w = pixGetWidth(owned.get()), h = pixGetHeight(owned.get());
    cv::Mat rgb(h, w, CV_8UC3);
    bool gray = true;
    for (int y = 0; y < h; ++y) {
      const l_uint32* line = pixGetData(owned.get()) + y * pixGetWpl(owned.get());
      uint8_t* dst = rgb.ptr<uint8_t>(y);
      for (int x = 0; x < w; ++x) {
        l_int32 r, g, b;
        extractRGBValues(line[x], &r, &g, &b);
        dst[3 * x] = r, dst[3 * x + 1] = g, dst[3 * x + 2] = b;
        gray = gray && r == g && g == b;
      }
    }
    if (!gray) return rgb;
    cv::Mat g;
    cv::extractChannel(rgb, g, 0);
    return g;
  }
  PixPtr gray = Wrap(pixConvertTo8(owned.get(), 0));
  if (!gray) return {};
  const int w = pixGetWidth(gray.get()), h = pixGetHeight(gray.get());
  cv::Mat mat(h, w, CV_8UC1);
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = pixGetData(gray.get()) + y * pixGetWpl(gray.get());
    uint8_t* dst = mat.ptr<uint8_t>(y);
    for (int x = 0; x < w; ++x) dst[x] = GET_DATA_BYTE(line, x);
  }
  return mat;
}

class ImageSource : public PageSource {
 public:
  ImageSource(std::string format, std::vector<uint8_t> bytes, const ImportOptions& options)
      : format_(std::move(format)), bytes_(std::move(bytes)), options_(options) {}

  std::string Format() const override { return format_; }
  int PageCount() const override { return 1; }

  Result<Page> ReadPage(int index) override {
    return import::ReadPageChecked(index, 1, [&] { return format_ == "jpeg" ? ReadJpeg() : ReadWithLeptonica(); });
  }

 private:
  // Orientation, limit check after normalisation, then the Page.
  Result<Page> Finish(cv::Mat mat, int orientation, double xdpi, double ydpi, bool bilevel) {
    const bool dpi_stated = import::SettleDpi(&xdpi, &ydpi, options_);
    int64_t w = 0, h = 0;
    import::NormalisedSize(mat.cols, mat.rows, orientation, xdpi, ydpi, options_, &w, &h);
    if (Status s = import::CheckPixelLimit(w, h, options_); !s.ok()) {
      return Err(s);
    }
    import::ApplyOrientation(orientation, mat);
    if (orientation >= 5) std::swap(xdpi, ydpi);
    Page page = import::MakePage(0, std::move(mat), xdpi, ydpi, bilevel, false, options_);
    page.dpi_assumed = !dpi_stated;
    return page;
  }

  // OpenCV's JPEG decoder keeps going past damaged APPn segments (Leptonica
  // gives up on any libjpeg warning) and converts CMYK.
  Result<Page> ReadJpeg() {
    const import::JpegMeta meta = import::ParseJpegMeta(bytes_);
    cv::Mat mat = cv::imdecode(
        cv::Mat(1, static_cast<int>(bytes_.size()), CV_8UC1, const_cast<uint8_t*>(bytes_.data())),
        cv::IMREAD_ANYCOLOR | cv::IMREAD_IGNORE_ORIENTATION);
    if (mat.empty() || mat.depth() != CV_8U) {
      return Err(Status::Corrupt("cannot decode jpeg data"));
    }
    if (mat.channels() == 3) {
      cv::cvtColor(mat, mat, cv::COLOR_BGR2RGB);
      import::CollapseGray(mat);
    }
    if (mat.channels() != 1 && mat.channels() != 3) {
      return Err(
          Status::Unsupported("jpeg with " + std::to_string(mat.channels()) + " channels"));
    }
    return Finish(std::move(mat), meta.orientation, meta.xdpi, meta.ydpi, false);
  }

  Result<Page> ReadWithLeptonica() {
    PixPtr pix = Wrap(pixReadMem(bytes_.data(), bytes_.size()));
    if (!pix) return Err(Status::Corrupt("cannot decode " + format_ + " data"));
    const double xdpi = pixGetXRes(pix.get()), ydpi = pixGetYRes(pix.get());
    bool bilevel = false;
    cv::Mat mat = PixToMat(pix.get(), &bilevel);
    pix.reset();
    if (mat.empty()) return Err(Status::Corrupt("cannot convert pixels"));
    return Finish(std::move(mat), 1, xdpi, ydpi, bilevel);
  }

  const std::string format_;
  const std::vector<uint8_t> bytes_;
  const ImportOptions options_;
};

// Format name from the magic bytes; "" when not an image we know.
std::string Sniff(std::span<const uint8_t> h) {
  auto starts = [&](const char* magic, size_t n, size_t at = 0) {
    return h.size() >= at + n && std::memcmp(h.data() + at, magic, n) == 0;
  };
  if (starts("\x89PNG\r\n\x1a\n", 8)) return "png";
  if (starts("\xFF\xD8\xFF", 3)) return "jpeg";
  if (starts("GIF87a", 6) || starts("GIF89a", 6)) return "gif";
  if (starts("RIFF", 4) && starts("WEBP", 4, 8)) return "webp";
  if (starts("ftypheic", 8, 4) || starts("ftypheix", 8, 4) || starts("ftypmif1", 8, 4)) {
    return "heic";
  }
  if (starts("BM", 2) && h.size() >= 18) return "bmp";
  if (h.size() >= 3 && h[0] == 'P' && h[1] >= '1' && h[1] <= '6' && std::isspace(h[2])) {
    return "pnm";
  }
  return "";
}

class ImageImporter : public Importer {
 public:
  std::string_view Name() const override { return "image"; }
  int Score(std::string_view, std::span<const uint8_t> head) const override {
    const std::string f = Sniff(head);
    if (f.empty()) return 0;
    return f == "bmp" || f == "pnm" ? 50 : 90;  // two-byte magics are weaker evidence
  }
  Result<std::unique_ptr<PageSource>> Open(const std::string& path,
                                           const ImportOptions& options) const override {
    QuietLeptonica();
    std::ifstream in(path, std::ios::binary);
    if (!in) return Err(Status::IOError("cannot open for reading"));
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
    const std::string format = Sniff(bytes);
    if (format == "heic") return Err(Status::Unsupported("HEIC images are not supported"));
    if (format.empty()) return Err(Status::Unsupported("not an image file"));
    l_int32 fmt = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
    if (format == "jpeg") {  // parsed here: libjpeg would print its warnings
      const import::JpegMeta meta = import::ParseJpegMeta(bytes);
      w = meta.width;
      h = meta.height;
      if (w <= 0 || h <= 0) return Err(Status::Corrupt("cannot read jpeg header"));
    } else if (pixReadHeaderMem(bytes.data(), bytes.size(), &fmt, &w, &h, &bps, &spp, &cmap) != 0) {
      return Err(Status::Corrupt("cannot read " + format + " header"));
    }
    if (Status s = import::CheckPixelLimit(w, h, options); !s.ok()) {
      return Err(s.WithContext("page 1"));
    }
    return std::unique_ptr<PageSource>(
        std::make_unique<ImageSource>(format, std::move(bytes), options));
  }
};

}  // namespace

std::unique_ptr<Importer> NewImageImporter() { return std::make_unique<ImageImporter>(); }

}  // namespace facteur
