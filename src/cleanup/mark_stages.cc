// cleanup.border, cleanup.despeckle and cleanup.punch_holes: remove marks
// that are not writing from the OCR copy, painting them with the paper's
// level: on grey or coloured paper a white patch would be a new mark, which
// shifts background levelling's paper range and splits Tesseract's Otsu
// threshold between white and paper (ocr-truth, bljd_DSN169_00001: 0.183
// CER with white borders, 0.145 with paper). The display image is not
// touched.
#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup_stages.h"
#include "cleanup/ink.h"
#include "cleanup/opencv_image.h"
#include "cleanup/step.h"

namespace facteur::cleanup {
namespace {

constexpr const char kBorder[] = "cleanup.border";
constexpr const char kDespeckle[] = "cleanup.despeckle";
constexpr const char kPunchHoles[] = "cleanup.punch_holes";

struct BorderOptions {
  bool enabled = true;
  double min_span = 0.3;  // fraction of the edge a dark region must run along; lower = bolder
};

struct DespeckleOptions {
  bool enabled = true;
  double max_speck_mm = 0.2;       // specks up to this size go; too high eats full stops
  bool keep_stroke_grains = true;  // a dark grain inside a fainter stroke is writing, not a speck
  bool lines = false;              // remove thin horizontal streaks (fax line noise)
  double line_min_length = 0.3;    // fraction of the page width a streak spans
  double line_max_thickness_mm = 0.4;
};

struct PunchHoleOptions {
  bool enabled = true;
  double margin_mm = 30;  // hole centres lie this close to an edge
};

Status RemoveBorders(Page& page, const BorderOptions& o) {
  const cv::Mat gray = OcrGray(page);
  const int paper = PaperLevel(gray);
  Components c = FindComponents(InkMask(gray, paper));
  std::vector<bool> remove(static_cast<size_t>(c.count), false);
  int removed = 0;
  for (int i = 1; i < c.count; ++i) {
    if (IsBorder(c, i, gray.size(), o.min_span)) {
      remove[static_cast<size_t>(i)] = true;
      ++removed;
    }
  }
  if (removed > 0) {
    cv::Mat ocr = View(OcrCopy(page));
    PaintComponents(ocr, c, remove, 2, paper);
  }
  Note(page, kBorder, "%d dark edge region(s) removed", removed);
  return Status::OK();
}

// Thin horizontal ink runs at least `min_len` long, minus anything thicker
// than `max_thick` (a solid block or a bold rule stays).
cv::Mat ThinLines(const cv::Mat& ink, int min_len, int max_thick) {
  cv::Mat lines, thick;
  cv::morphologyEx(ink, lines, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(min_len, 1)));
  cv::morphologyEx(lines, thick, cv::MORPH_OPEN,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(1, max_thick + 1)));
  cv::dilate(thick, thick, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, max_thick + 3)));
  return lines & ~thick;
}

// Specks are at most this fraction of the median letter height (a full
// stop is about a fifth of it).
constexpr double kMaxSpeckOfGlyph = 0.15;

// A mark belongs to a stroke when the pixels around it at least half as dark
// as it (from the paper beside it) reach beyond a speck's size. On a faint
// typescript the ink mask keeps only the darkest grains of some letters:
// painting them out punched holes in the strokes and took accents
// (ocr-truth, FRAN_0150_0003: "nationalit4", "coup<e"; 0.0187 CER with the
// grains removed, 0.0109 kept; the tesseract CLI reads 0.0122). Depths from
// 0.3 to 0.7 kept the same marks on the FRAN and bljd pages.
constexpr double kStrokeDepth = 0.5;

Status Despeckle(Page& page, const DespeckleOptions& o) {
  const cv::Mat gray = OcrGray(page);
  const double px = PxPerMm(page.image.dpi_y() > 0 ? page.image.dpi_y() : page.dpi);
  const int paper = PaperLevel(gray);
  cv::Mat ink = InkMask(gray, paper);
  Components c = FindComponents(ink);
  // A speck is also much smaller than the page's letters: on a page whose
  // stated resolution is too high, max_speck_mm would cover whole letters.
  const double glyph = GlyphHeight(c, gray.size());
  double max_side = std::max(1.0, o.max_speck_mm * px);
  if (glyph > 0) max_side = std::min(max_side, kMaxSpeckOfGlyph * glyph);
  if (max_side < 1.5) {
    // Letters under ~10 px: dots, accents and broken strokes are as small
    // as any dust; leave them all to Tesseract.
    Note(page, kDespeckle, "kept, letters too small (%.0f px) to tell specks from writing", glyph);
    return Status::OK();
  }
  std::vector<bool> remove(static_cast<size_t>(c.count), false);
  int specks = 0;
  for (int i = 1; i < c.count; ++i) {
    if (c.Width(i) <= max_side && c.Height(i) <= max_side) {
      if (o.keep_stroke_grains && !StandsAlone(gray, c, i, static_cast<int>(max_side), kStrokeDepth)) continue;
      remove[static_cast<size_t>(i)] = true;
      ++specks;
    }
  }
  if (specks > 0) {
    cv::Mat ocr = View(OcrCopy(page));
    PaintComponents(ocr, c, remove, 0, paper);
  }
  int line_pixels = 0;
  if (o.lines) {
    const int min_len = std::max(8, static_cast<int>(o.line_min_length * gray.cols));
    const int max_thick = std::max(1, static_cast<int>(o.line_max_thickness_mm * px + 0.5));
    cv::Mat lines = ThinLines(ink, min_len, max_thick);
    line_pixels = cv::countNonZero(lines);
    if (line_pixels > 0) View(OcrCopy(page)).setTo(cv::Scalar(paper), lines);
  }
  if (o.lines) {
    Note(page, kDespeckle, "%d speck(s) up to %.0f px and %d px of line noise removed", specks, max_side,
         line_pixels);
  } else {
    Note(page, kDespeckle, "%d speck(s) up to %.0f px removed", specks, max_side);
  }
  return Status::OK();
}

Status RemovePunchHoles(Page& page, const PunchHoleOptions& o) {
  const cv::Mat gray = OcrGray(page);
  const double px = PxPerMm(page.image.dpi_y() > 0 ? page.image.dpi_y() : page.dpi);
  const int paper = PaperLevel(gray);
  Components c = FindComponents(InkMask(gray, paper));
  std::vector<bool> remove(static_cast<size_t>(c.count), false);
  int holes = 0;
  for (int i = 1; i < c.count; ++i) {
    if (IsPunchHole(c, i, gray.size(), px, o.margin_mm)) {
      remove[static_cast<size_t>(i)] = true;
      ++holes;
    }
  }
  if (holes > 0) {
    cv::Mat ocr = View(OcrCopy(page));
    PaintComponents(ocr, c, remove, 2, paper);
  }
  Note(page, kPunchHoles, "%d hole(s) removed", holes);
  return Status::OK();
}

template <class Options>
StageResult Make(const Settings& settings, const char* name,
                 std::function<void(OptionReader&, Options&)> read, StepFunction<Options> step) {
  auto options = ReadStepOptions<Options>(settings, name, read);
  if (!options) return Err(options.error());
  return std::unique_ptr<Stage>(new StepStage<Options>(name, std::move(*options), std::move(step)));
}

}  // namespace

StageResult NewBorderStage(const Settings& settings) {
  return Make<BorderOptions>(
      settings, kBorder, [](OptionReader& r, BorderOptions& o) { r.Read("min_span", o.min_span, 0.05, 1); },
      RemoveBorders);
}

StageResult NewDespeckleStage(const Settings& settings) {
  return Make<DespeckleOptions>(
      settings, kDespeckle,
      [](OptionReader& r, DespeckleOptions& o) {
        r.Read("max_speck_mm", o.max_speck_mm, 0, 2);
        r.Read("keep_stroke_grains", o.keep_stroke_grains);
        r.Read("lines", o.lines);
        r.Read("line_min_length", o.line_min_length, 0.05, 1);
        r.Read("line_max_thickness_mm", o.line_max_thickness_mm, 0.05, 2);
      },
      Despeckle);
}

StageResult NewPunchHoleStage(const Settings& settings) {
  return Make<PunchHoleOptions>(
      settings, kPunchHoles, [](OptionReader& r, PunchHoleOptions& o) { r.Read("margin_mm", o.margin_mm, 5, 60); },
      RemovePunchHoles);
}

}  // namespace facteur::cleanup
