#include "samplegen/render.h"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <cstdio>
#include <memory>
#include <opencv2/imgproc.hpp>

#include "samplegen/check.h"

namespace facteur::samplegen {

const std::vector<std::string> kFonts = {"DejaVu Serif", "Liberation Serif", "Liberation Sans",
                                         "DejaVu Sans Mono"};

namespace {

struct CairoDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct GObjectDeleter {
  void operator()(void* o) const { g_object_unref(o); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;

// Lays out lines one at a time so a paragraph can break across pages; keeps
// the surfaces of finished pages.
class PageWriter {
 public:
  PageWriter(const RenderOptions& options) : options_(options) {
    const double px_per_mm = options.dpi / 25.4;
    width_ = static_cast<int>(210 * px_per_mm + 0.5);
    height_ = static_cast<int>(297 * px_per_mm + 0.5);
    left_ = 25 * px_per_mm;
    text_width_ = width_ - left_ - 20 * px_per_mm;
    top_ = 22 * px_per_mm;
    bottom_ = height_ - 20 * px_per_mm;
  }

  Status NewPage() {
    FinishPage();
    surface_.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width_, height_));
    if (cairo_surface_status(surface_.get()) != CAIRO_STATUS_SUCCESS) {
      return Status::External("cairo: cannot create a " + std::to_string(width_) + "x" +
                              std::to_string(height_) + " surface");
    }
    cr_.reset(cairo_create(surface_.get()));
    cairo_set_source_rgb(cr_.get(), 1, 1, 1);
    cairo_paint(cr_.get());
    cairo_set_source_rgb(cr_.get(), 0, 0, 0);
    y_ = top_;
    page_lines_.clear();
    lines_on_page_ = 0;
    if (!options_.header.empty()) DrawHeader();
    return Status::OK();
  }

  // Draws `text` wrapped to the text width (less `indent`), breaking to a new
  // page when a line would cross the bottom margin.
  Status Draw(const std::string& text, const Block& block) {
    LayoutPtr layout = MakeLayout(options_.font, options_.font_size_pt, block.bold);
    const double indent_px = block.indent * text_width_;
    pango_layout_set_width(layout.get(), static_cast<int>((text_width_ - indent_px) * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD);
    if (block.right_align) pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT);
    // Typewriters did not justify; proportional fonts usually do.
    if (block.kind == Block::Kind::kParagraph && options_.font.find("Mono") == std::string::npos) {
      pango_layout_set_justify(layout.get(), TRUE);
    }
    if (!block.tabs.empty()) {
      PangoTabArray* tabs = pango_tab_array_new(static_cast<int>(block.tabs.size()), TRUE);
      for (size_t i = 0; i < block.tabs.size(); ++i) {
        pango_tab_array_set_tab(tabs, static_cast<int>(i), PANGO_TAB_LEFT,
                                static_cast<int>(block.tabs[i] * (text_width_ - indent_px)));
      }
      pango_layout_set_tabs(layout.get(), tabs);
      pango_tab_array_free(tabs);
    }
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      const double h = static_cast<double>(logical.height) / PANGO_SCALE;
      const double baseline =
          static_cast<double>(pango_layout_iter_get_baseline(iter) - logical.y) / PANGO_SCALE;
      if (y_ + h > bottom_ && lines_on_page_ > 0) {
        Status s = NewPage();
        if (!s.ok()) {
          pango_layout_iter_free(iter);
          return s;
        }
      }
      PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
      cairo_move_to(cr_.get(), left_ + indent_px + static_cast<double>(logical.x) / PANGO_SCALE,
                    y_ + baseline);
      pango_cairo_show_layout_line(cr_.get(), line);
      std::string piece = text.substr(line->start_index, line->length);
      while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\n')) piece.pop_back();
      for (size_t tab; (tab = piece.find('\t')) != std::string::npos;) piece.replace(tab, 1, "  ");
      page_lines_.push_back(piece);
      ++lines_on_page_;
      y_ += h;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    return Status::OK();
  }

  void Skip(double lines) { y_ += lines * line_height(); }
  bool page_has_lines() const { return lines_on_page_ > 0; }

  std::vector<Page> Finish() {
    FinishPage();
    return std::move(pages_);
  }

 private:
  double line_height() {
    LayoutPtr layout = MakeLayout(options_.font, options_.font_size_pt, false);
    pango_layout_set_text(layout.get(), "Xg", -1);
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout.get(), &w, &h);
    return h;
  }

  LayoutPtr MakeLayout(const std::string& family, double size_pt, bool bold) {
    LayoutPtr layout(pango_cairo_create_layout(cr_.get()));
    PangoContext* context = pango_layout_get_context(layout.get());
    pango_cairo_context_set_resolution(context, options_.dpi);
    // Unhinted metrics: the same text wraps the same way at any size.
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(context, fo);
    cairo_font_options_destroy(fo);
    pango_layout_context_changed(layout.get());
    PangoFontDescription* desc = pango_font_description_from_string(family.c_str());
    pango_font_description_set_size(desc, static_cast<int>(size_pt * PANGO_SCALE));
    if (bold) pango_font_description_set_weight(desc, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout.get(), desc);
    pango_font_description_free(desc);
    return layout;
  }

  void DrawHeader() {
    char page_no[16];
    std::snprintf(page_no, sizeof page_no, "%02d", static_cast<int>(pages_.size()) + 1);
    std::string text = options_.header;
    size_t pos = text.find("{page}");
    if (pos != std::string::npos) text.replace(pos, 6, page_no);
    LayoutPtr layout = MakeLayout("DejaVu Sans Mono", 9, true);
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    cairo_move_to(cr_.get(), 8 * options_.dpi / 25.4, 4 * options_.dpi / 25.4);
    pango_cairo_show_layout(cr_.get(), layout.get());
    page_lines_.push_back(text);
  }

  void FinishPage() {
    if (!surface_) return;
    cairo_surface_flush(surface_.get());
    cv::Mat bgra(height_, width_, CV_8UC4, cairo_image_surface_get_data(surface_.get()),
                 cairo_image_surface_get_stride(surface_.get()));
    Page page;
    cv::cvtColor(bgra, page.pixels, cv::COLOR_BGRA2GRAY);
    page.dpi_x = page.dpi_y = options_.dpi;
    page.lines = std::move(page_lines_);
    pages_.push_back(std::move(page));
    cr_.reset();
    surface_.reset();
  }

  const RenderOptions& options_;
  int width_, height_;
  double left_, text_width_, top_, bottom_;
  double y_ = 0;
  int lines_on_page_ = 0;
  std::unique_ptr<cairo_surface_t, CairoDeleter> surface_;
  std::unique_ptr<cairo_t, CairoDeleter> cr_;
  std::vector<std::string> page_lines_;
  std::vector<Page> pages_;
};

}  // namespace

Result<std::vector<Page>> RenderLetter(const Letter& letter, const RenderOptions& options) {
  PageWriter writer(options);
  FACTEUR_RETURN_IF_ERROR_RESULT(writer.NewPage());
  for (const Block& block : letter.blocks) {
    if (block.kind == Block::Kind::kPageBreak) {
      if (writer.page_has_lines()) FACTEUR_RETURN_IF_ERROR_RESULT(writer.NewPage());
      continue;
    }
    if (writer.page_has_lines()) writer.Skip(block.space_before);
    if (block.kind == Block::Kind::kParagraph) {
      FACTEUR_RETURN_IF_ERROR_RESULT(writer.Draw(block.text, block));
    } else {
      for (const std::string& line : block.lines) FACTEUR_RETURN_IF_ERROR_RESULT(writer.Draw(line, block));
    }
  }
  return writer.Finish();
}

}  // namespace facteur::samplegen
