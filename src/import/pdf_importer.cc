#include "import/pdf_importer.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "import/page_util.h"
#include "import/pdf_image_survey.h"

namespace facteur {
namespace {

constexpr double kMaxDpi = 1200;
constexpr double kScanLikeDpi = 150;
constexpr double kScannerSizedInches = 17;

void IgnorePopplerMessage(const std::string&, void*) {}

void QuietPoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(IgnorePopplerMessage, nullptr); });
}

// Non-space characters (code points) of UTF-8 text.
int CountNonSpace(const std::string& utf8) {
  int n = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    ++n;
  }
  return n;
}

struct RenderPlan {
  double dpi = 0;
  bool image_driven = false;
};

// See the policy in pdf_importer.h. `w_in`/`h_in` are the page size in inches.
RenderPlan ChooseDpi(double w_in, double h_in, const import::PageImages& images,
                     const ImportOptions& options) {
  const double long_in = std::max(w_in, h_in), short_in = std::min(w_in, h_in);
  double image_dpi = 0;
  if (images.count > 0) {
    const double il = std::max(images.largest_w, images.largest_h);
    const double is = std::min(images.largest_w, images.largest_h);
    image_dpi = std::max(il / long_in, is / short_in);
  }
  RenderPlan plan;
  if (image_dpi >= kScanLikeDpi) {
    plan = {std::min(image_dpi, kMaxDpi), true};
  } else if (long_in <= kScannerSizedInches || image_dpi <= 0) {
    // A nonsense fallback must not make poppler render at 0 dpi.
    plan = {import::PlausibleDpi(options.fallback_dpi) ? options.fallback_dpi : 300.0, false};
  } else {
    plan = {std::max(image_dpi, 72.0), true};
  }
  return plan;
}

class PdfSource : public PageSource {
 public:
  PdfSource(std::unique_ptr<poppler::document> doc, std::vector<import::PageImages> images,
            const ImportOptions& options)
      : doc_(std::move(doc)), images_(std::move(images)), options_(options) {
    pages_ = doc_->pages();
    if (static_cast<int>(images_.size()) != pages_) images_.clear();  // qpdf disagreed
  }

  std::string Format() const override { return "pdf"; }
  int PageCount() const override { return pages_; }

  Result<Page> ReadPage(int index) override {
    return import::ReadPageChecked(index, pages_, [&] { return Render(index); });
  }

 private:
  Result<Page> Render(int index) {
    std::unique_ptr<poppler::page> page(doc_->create_page(index));
    if (!page) return Err(Status::Corrupt("cannot read the page"));
    const poppler::rectf box = page->page_rect();
    double w_in = box.width() / 72.0, h_in = box.height() / 72.0;
    const auto orient = page->orientation();
    if (orient == poppler::page::landscape || orient == poppler::page::seascape) {
      std::swap(w_in, h_in);
    }
    if (!(w_in > 0.01 && h_in > 0.01)) return Err(Status::Corrupt("empty page box"));
    const import::PageImages info = images_.empty() ? import::PageImages{} : images_[index];
    if (info.count > 0) {
      Status s = import::CheckPixelLimit(info.largest_w, info.largest_h, options_);
      if (!s.ok()) return Err(s.WithContext("embedded image"));
    }
    RenderPlan plan = ChooseDpi(w_in, h_in, info, options_);
    auto px = [&](double dpi, double in) { return static_cast<int64_t>(std::ceil(dpi * in)); };
    Status limit = import::CheckPixelLimit(px(plan.dpi, w_in), px(plan.dpi, h_in), options_);
    if (!limit.ok()) {
      if (plan.image_driven) return Err(limit);
      // No native resolution to respect: the largest dpi that fits.
      plan.dpi = std::floor(std::sqrt(static_cast<double>(options_.max_pixels) / (w_in * h_in)));
      if (plan.dpi < 1) return Err(limit);
    }

    poppler::page_renderer renderer;
    renderer.set_render_hints(poppler::page_renderer::antialiasing |
                              poppler::page_renderer::text_antialiasing);
    renderer.set_image_format(poppler::image::format_bgr24);
    poppler::image img = renderer.render_page(page.get(), plan.dpi, plan.dpi);
    if (!img.is_valid() || img.width() <= 0 || img.height() <= 0) {
      return Err(Status::Corrupt("poppler could not render the page"));
    }
    Page out;
    out.index = index;
    out.source_index = index;
    out.image = ToImage(img);
    out.image.set_dpi(plan.dpi, plan.dpi);
    out.width = out.image.width();
    out.height = out.image.height();
    out.dpi = plan.dpi;
    out.notes.push_back("import: pdf page rendered at " + import::FormatDpi(plan.dpi) + " dpi");
    const std::vector<char> utf8 = page->text().to_utf8();
    std::string text(utf8.begin(), utf8.end());
    if (CountNonSpace(text) >= options_.min_text_layer_chars) {
      out.has_text_layer = true;
      out.text.text = std::move(text);
    }
    return out;
  }

  // BGR24 rows -> Gray8 when every pixel is gray, else RGB8.
  static Image ToImage(const poppler::image& img) {
    const int w = img.width(), h = img.height();
    const int bpr = img.bytes_per_row();
    const auto* data = reinterpret_cast<const uint8_t*>(img.const_data());
    bool gray = true;
    for (int y = 0; y < h && gray; ++y) {
      const uint8_t* p = data + static_cast<size_t>(bpr) * y;
      for (int x = 0; x < w; ++x, p += 3) {
        if (p[0] != p[1] || p[1] != p[2]) {
          gray = false;
          break;
        }
      }
    }
    Image image(w, h, gray ? PixelFormat::kGray8 : PixelFormat::kRgb8);
    for (int y = 0; y < h; ++y) {
      const uint8_t* p = data + static_cast<size_t>(bpr) * y;
      uint8_t* d = image.row(y);
      for (int x = 0; x < w; ++x, p += 3) {
        if (gray) {
          d[x] = p[0];
        } else {
          d[3 * x] = p[2], d[3 * x + 1] = p[1], d[3 * x + 2] = p[0];
        }
      }
    }
    return image;
  }

  std::unique_ptr<poppler::document> doc_;
  std::vector<import::PageImages> images_;  // empty when qpdf could not read the file
  const ImportOptions options_;
  int pages_ = 0;
};

class PdfImporter : public Importer {
 public:
  std::string_view Name() const override { return "pdf"; }
  int Score(std::string_view, std::span<const uint8_t> head) const override {
    const std::string_view s(reinterpret_cast<const char*>(head.data()), head.size());
    const size_t at = s.find("%PDF-");
    if (at == 0) return 100;
    return at != std::string_view::npos ? 80 : 0;
  }
  Result<std::unique_ptr<PageSource>> Open(const std::string& path,
                                           const ImportOptions& options) const override {
    QuietPoppler();
    const std::string& pw = options.pdf_password;
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path, pw, pw));
    if (!doc) return Err(Status::Corrupt("not a readable PDF"));
    // poppler-cpp's unlock() returns true when the document is STILL locked.
    if (doc->is_locked() && doc->unlock(pw, pw)) {
      if (pw.empty()) {
        return Err(Status::InvalidArgument(
            "password required: the PDF is encrypted (set import.pdf_password)"));
      }
      return Err(Status::InvalidArgument("wrong password for the encrypted PDF"));
    }
    if (doc->pages() <= 0) return Err(Status::Corrupt("the PDF has no pages"));
    auto images = import::SurveyPdfImages(path, pw);
    return std::unique_ptr<PageSource>(
        std::make_unique<PdfSource>(std::move(doc), std::move(images), options));
  }
};

}  // namespace

std::unique_ptr<Importer> NewPdfImporter() { return std::make_unique<PdfImporter>(); }

}  // namespace facteur
