// cleanup.blank and quality: measure a page and flag it; pixels are not
// changed. Both look at the display image, which is what a person sees.
#include <algorithm>
#include <cctype>
#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup_stages.h"
#include "cleanup/ink.h"
#include "cleanup/opencv_image.h"
#include "cleanup/step.h"

namespace facteur::cleanup {
namespace {

constexpr const char kBlank[] = "cleanup.blank";
constexpr const char kQuality[] = "quality";

struct BlankOptions {
  bool enabled = true;
  double edge_mm = 8;          // the sheet's edge, ignored on every side
  double speck_mm = 0.5;       // ink marks up to this size are dust, not writing
  double max_ink = 0.0003;     // ink fraction below which the page is blank; higher drops more
};

struct QualityOptions {
  bool enabled = true;
  double max_dark = 0.4;        // dark fraction above which a page is "too dark"
  double min_contrast = 80;     // paper minus darkest ink (0..255) below which it is "too light"
  int min_chars = 10;           // fewer recognised letters or digits: "too little text"
  double min_confidence = 50;   // mean OCR confidence below it: "low OCR confidence"
};

double Dpi(const Page& page) { return page.image.dpi_y() > 0 ? page.image.dpi_y() : page.dpi; }

// Fraction of the page inside its edges covered by ink that is neither
// dust, a punch hole nor a scanner border.
double WritingFraction(const Page& page, const BlankOptions& o) {
  cv::Mat gray = GrayMat(page.image);
  const double px = PxPerMm(Dpi(page));
  const int edge = std::min({static_cast<int>(o.edge_mm * px), gray.cols / 4, gray.rows / 4});
  cv::Mat inner = gray(cv::Rect(edge, edge, gray.cols - 2 * edge, gray.rows - 2 * edge));
  Components c = FindComponents(InkMask(inner));
  const double speck = o.speck_mm * px;
  int64_t ink = 0;
  for (int i = 1; i < c.count; ++i) {
    if (c.Width(i) <= speck && c.Height(i) <= speck) continue;
    if (IsPunchHole(c, i, inner.size(), px, std::max(1.0, 30 - o.edge_mm))) continue;
    if (IsBorder(c, i, inner.size(), 0.3)) continue;
    ink += c.Area(i);
  }
  return static_cast<double>(ink) / static_cast<double>(std::max<size_t>(1, inner.total()));
}

Status DetectBlank(Page& page, const BlankOptions& o) {
  const double ink = WritingFraction(page, o);
  // 0.5 at the threshold, 1 at twice the threshold and beyond.
  page.blank_score = std::min(1.0, ink / (2 * o.max_ink));
  page.blank = ink < o.max_ink;
  Note(page, kBlank, "%s, score %.2f (writing covers %.3f%%)", page.blank ? "blank" : "not blank", page.blank_score,
       ink * 100);
  return Status::OK();
}

int CountLetters(const std::string& text) {
  int n = 0;
  for (unsigned char ch : text) {
    // Bytes of multi-byte UTF-8 letters (>= 0x80) count too: accents.
    if (std::isalnum(ch) || ch >= 0xC0) ++n;
  }
  return n;
}

void Flag(Page& page, const std::string& flag) {
  if (std::find(page.quality_flags.begin(), page.quality_flags.end(), flag) == page.quality_flags.end())
    page.quality_flags.push_back(flag);
}

Status CheckQuality(Page& page, const QualityOptions& o) {
  if (page.blank) return Status::OK();  // dropped anyway
  cv::Mat gray = GrayMat(page.image);
  const int paper = PaperLevel(gray);
  const double dark = static_cast<double>(cv::countNonZero(gray < 128)) / static_cast<double>(gray.total());
  double darkest = 0;
  cv::Mat small = Scaled(gray, 0.25);
  cv::minMaxLoc(small, &darkest);
  if (dark > o.max_dark) Flag(page, "too dark");
  if (paper - darkest < o.min_contrast) Flag(page, "too light");
  if (!page.ocr_failed && CountLetters(page.text.text) < o.min_chars) Flag(page, "too little text");
  if (page.text.mean_confidence >= 0 && page.text.mean_confidence < o.min_confidence)
    Flag(page, "low OCR confidence");
  Note(page, kQuality, "%.0f%% dark, contrast %.0f, confidence %.0f: %s", dark * 100, paper - darkest,
       page.text.mean_confidence, page.quality_flags.empty() ? "ok" : "flagged for review");
  return Status::OK();
}

}  // namespace

StageResult NewBlankStage(const Settings& settings) {
  auto options = ReadStepOptions<BlankOptions>(settings, kBlank, [](OptionReader& r, BlankOptions& o) {
    r.Read("edge_mm", o.edge_mm, 0, 50);
    r.Read("speck_mm", o.speck_mm, 0, 5);
    r.Read("max_ink", o.max_ink, 0, 0.1);
  });
  if (!options) return Err(options.error());
  return std::unique_ptr<Stage>(new StepStage<BlankOptions>(kBlank, std::move(*options), DetectBlank));
}

StageResult NewQualityStage(const Settings& settings) {
  auto options = ReadStepOptions<QualityOptions>(settings, kQuality, [](OptionReader& r, QualityOptions& o) {
    r.Read("max_dark", o.max_dark, 0, 1);
    r.Read("min_contrast", o.min_contrast, 0, 255);
    r.Read("min_chars", o.min_chars, 0, 100000);
    r.Read("min_confidence", o.min_confidence, 0, 100);
  });
  if (!options) return Err(options.error());
  return std::unique_ptr<Stage>(new StepStage<QualityOptions>(kQuality, std::move(*options), CheckQuality));
}

}  // namespace facteur::cleanup
