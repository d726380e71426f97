// cleanup.background, cleanup.antialias and cleanup.binarize: tone work on
// the OCR copy.
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup_stages.h"
#include "cleanup/ink.h"
#include "cleanup/opencv_image.h"
#include "cleanup/step.h"

namespace facteur::cleanup {
namespace {

constexpr const char kBackground[] = "cleanup.background";
constexpr const char kBinarize[] = "cleanup.binarize";
constexpr const char kAntialias[] = "cleanup.antialias";

struct BackgroundOptions {
  bool enabled = true;
  double window_mm = 3;        // wider than any stroke; too wide follows shading poorly
  double white_level = 0.85;   // after levelling, lighter than this is paper (show-through)
  int level_below = 220;       // paper everywhere at least this light (0..255) is left alone
  int whiten_below = 200;      // white_level applies only to paper darker than this (coloured, carbon)
  int min_spread = 12;         // light paper varying less than this inside the sheet is left alone
};

struct AntialiasOptions {
  bool enabled = true;
  double sigma_px = 1.0;  // Gaussian blur of bilevel pages, in pixels; wider blurs small print together
};

struct BinarizeOptions {
  bool enabled = true;
  double window_mm = 2.5;  // Sauvola window; about twice the stroke height of small print
  double k = 0.2;          // Sauvola k; higher = thinner strokes, less noise
};

// The paper under the ink: the largest gray nearby (a closing wider than
// strokes), computed at quarter size for speed, then smoothed.
cv::Mat Paper(const cv::Mat& gray, int window) {
  cv::Mat small, paper;
  const double scale = 0.25;
  small = Scaled(gray, scale);
  const int k = std::max(3, static_cast<int>(window * scale) | 1);
  cv::dilate(small, paper, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(k, k)));
  cv::blur(paper, paper, cv::Size(k, k));
  cv::resize(paper, paper, gray.size(), 0, 0, cv::INTER_LINEAR);
  return paper;
}

Status LevelBackground(Page& page, const BackgroundOptions& o) {
  const cv::Mat gray = OcrGray(page);
  if (IsBilevel(gray)) {
    Note(page, kBackground, "bilevel page, nothing to level");
    return Status::OK();
  }
  const int paper_before = PaperLevel(gray);
  const int window = static_cast<int>(o.window_mm * PxPerMm(page.image.dpi_y()));
  cv::Mat paper = Paper(gray, window);
  // First do no harm: paper that is light everywhere, white or mildly
  // shaded, gains nothing from levelling (Tesseract's own threshold copes),
  // and whitening would thin faint strokes. The darkest paper (5th
  // percentile of the estimate) says whether the page is shaded or coloured.
  const int darkest = GrayPercentile(paper, 0.05);
  if (darkest >= o.level_below) {
    Note(page, kBackground, "paper light everywhere (%d..%d), left alone", darkest, paper_before);
    return Status::OK();
  }
  // Light paper that is evenly lit (a grey or tinted sheet) reads as well
  // as it is: levelling only moved which words Tesseract got right. The
  // spread of the paper inside the sheet (5th to 95th percentile, a tenth
  // of each side left out for the sheet's edge) tells even from shaded.
  const cv::Rect inside(paper.cols / 10, paper.rows / 10, paper.cols * 8 / 10, paper.rows * 8 / 10);
  const std::vector<int> range = GrayPercentiles(paper(inside), {0.05, 0.95});
  const int spread = range[1] - range[0];
  if (paper_before >= o.whiten_below && spread < o.min_spread) {
    Note(page, kBackground, "paper even (%d..%d, spread %d), left alone", darkest, paper_before, spread);
    return Status::OK();
  }
  cv::Mat ocr = View(OcrCopy(page));
  cv::Mat levelled;
  cv::divide(ocr, paper, levelled, 255.0);
  // On coloured or carbon paper, stretch [0, white] to [0, 255]: show-through
  // and stains clip to white. On light paper the same clip would erase faint
  // strokes (typescripts, thin JPEG'd letters) that Tesseract reads well.
  const double white_level = paper_before < o.whiten_below ? o.white_level : 1.0;
  levelled.convertTo(ocr, CV_8U, 255.0 / std::max(1.0, white_level * 255));
  Note(page, kBackground, "paper %d..%d -> %d, lighter than %.0f%% whitened", darkest, paper_before,
       PaperLevel(ocr), white_level * 100);
  return Status::OK();
}

// Tesseract's LSTM reads the gray strokes it was trained on (rendered,
// anti-aliased text) better than the staircase edges of a bilevel page: a
// blur of about a pixel gives them back their gray (95 generated fax and G4
// pages, tesseract CLI on the cleaned copy: 32 read better blurred by 1 px,
// 16 worse).
Status Antialias(Page& page, const AntialiasOptions& o) {
  const cv::Mat gray = OcrGray(page);
  if (!IsBilevel(gray)) {
    Note(page, kAntialias, "not bilevel, left alone");
    return Status::OK();
  }
  cv::Mat ocr = View(OcrCopy(page));
  cv::GaussianBlur(ocr, ocr, cv::Size(0, 0), o.sigma_px, o.sigma_px, cv::BORDER_REPLICATE);
  Note(page, kAntialias, "bilevel edges softened (%.1f px)", o.sigma_px);
  return Status::OK();
}

Status Binarize(Page& page, const BinarizeOptions& o) {
  Image& copy = OcrCopy(page);
  cv::Mat ocr = View(copy);
  if (IsBilevel(ocr)) {
    Note(page, kBinarize, "already bilevel");
    return Status::OK();
  }
  const int window = std::max(3, static_cast<int>(o.window_mm * PxPerMm(copy.dpi_y())) | 1);
  // Sauvola: T = m * (1 + k * (s / R - 1)), m and s the local mean and
  // standard deviation, R = 128 the dynamic range of s.
  cv::Mat f, mean, sq_mean;
  ocr.convertTo(f, CV_32F);
  cv::boxFilter(f, mean, CV_32F, cv::Size(window, window), cv::Point(-1, -1), true, cv::BORDER_REPLICATE);
  cv::boxFilter(f.mul(f), sq_mean, CV_32F, cv::Size(window, window), cv::Point(-1, -1), true,
                cv::BORDER_REPLICATE);
  int64_t black = 0;
  for (int y = 0; y < ocr.rows; ++y) {
    uint8_t* p = ocr.ptr<uint8_t>(y);
    const float* m = mean.ptr<float>(y);
    const float* q = sq_mean.ptr<float>(y);
    for (int x = 0; x < ocr.cols; ++x) {
      const float s = std::sqrt(std::max(0.0f, q[x] - m[x] * m[x]));
      const float t = m[x] * (1.0f + static_cast<float>(o.k) * (s / 128.0f - 1.0f));
      p[x] = p[x] <= t ? 0 : 255;
      black += p[x] == 0;
    }
  }
  Note(page, kBinarize, "Sauvola %d px window, k %.2f: %.1f%% black", window, o.k,
       100.0 * static_cast<double>(black) / static_cast<double>(ocr.total()));
  return Status::OK();
}

}  // namespace

StageResult NewBackgroundStage(const Settings& settings) {
  auto options = ReadStepOptions<BackgroundOptions>(settings, kBackground, [](OptionReader& r, BackgroundOptions& o) {
    r.Read("window_mm", o.window_mm, 0.5, 50);
    r.Read("white_level", o.white_level, 0.3, 1);
    r.Read("level_below", o.level_below, 0, 256);
    r.Read("whiten_below", o.whiten_below, 0, 256);
    r.Read("min_spread", o.min_spread, 0, 256);
  });
  if (!options) return Err(options.error());
  return std::unique_ptr<Stage>(new StepStage<BackgroundOptions>(kBackground, std::move(*options), LevelBackground));
}

StageResult NewAntialiasStage(const Settings& settings) {
  auto options = ReadStepOptions<AntialiasOptions>(settings, kAntialias, [](OptionReader& r, AntialiasOptions& o) {
    r.Read("sigma_px", o.sigma_px, 0.3, 5);
  });
  if (!options) return Err(options.error());
  return std::unique_ptr<Stage>(new StepStage<AntialiasOptions>(kAntialias, std::move(*options), Antialias));
}

StageResult NewBinarizeStage(const Settings& settings) {
  auto options = ReadStepOptions<BinarizeOptions>(settings, kBinarize, [](OptionReader& r, BinarizeOptions& o) {
    r.Read("window_mm", o.window_mm, 0.5, 50);
    r.Read("k", o.k, 0.01, 1);
  });
  if (!options) return Err(options.error());
  return std::unique_ptr<Stage>(new StepStage<BinarizeOptions>(kBinarize, std::move(*options), Binarize));
}

}  // namespace facteur::cleanup
