// cleanup.orientation and cleanup.deskew: the steps that move pixels, applied
// to the display image and the OCR copy alike.
#include "cleanup/geometry_stages.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <opencv2/imgproc.hpp>

#include "cleanup/geometry.h"
#include "cleanup/ink.h"
#include "cleanup/opencv_image.h"
#include "cleanup/step.h"

namespace facteur::cleanup {
namespace {

constexpr const char kOrientation[] = "cleanup.orientation";
constexpr const char kDeskew[] = "cleanup.deskew";

// OSD reads a copy reduced to at most this resolution: enough for the
// letters' shapes, and several times faster than a 300 dpi page.
Image Reduced(const Image& image, double max_dpi) {
  const double dpi = image.dpi_y() > 0 ? image.dpi_y() : 300;
  const double scale = std::min(1.0, max_dpi / dpi);
  cv::Mat gray = GrayMat(image);
  if (scale >= 0.99) return FromMat(gray, dpi, dpi);
  cv::Mat small = Scaled(gray, scale);
  return FromMat(small, dpi * scale, dpi * scale);
}

class OrientationWorker : public PageWorker {
 public:
  OrientationWorker(const StepOptions<OrientationOptions>& options, std::unique_ptr<OrientationDetector> detector,
                    const EngineFactory& engines)
      : options_(options), detector_(std::move(detector)), engines_(engines) {}

  Status Run(Page& page, const Document& doc, const std::string&) override {
    const OrientationOptions& o = options_.For(page);
    if (!o.enabled || page.has_text_layer || page.image.empty() || page.blank) return Status::OK();
    Image reduced = Reduced(page.image, o.reduce_dpi);
    if (o.ascenders) {
      // Leptonica's ascender count decides in milliseconds when it is sure:
      // it was right on every page it was sure of (91 upright and turned
      // pages of ocr-truth, cardinal.pdf and the degraded set, 24 more
      // turned letters). OSD only sees the pages it is unsure of.
      Result<AscenderVote> vote = VoteAscenders(reduced);
      if (!vote) return vote.error().WithContext(doc.source.path + ": " + kOrientation);
      char lines[64] = "";
      if (vote->by_lines) {
        std::snprintf(lines, sizeof lines, "; text lines %s, confidence %.1f",
                      vote->rotate_degrees % 180 == 0 ? "across" : "down",
                      vote->rotate_degrees % 180 == 0 ? vote->lines_across : vote->lines_down);
      }
      if (vote->rotate_degrees == 0) {
        Note(page, kOrientation, "upright (ascender count: up %.1f, sideways %.1f%s)", vote->up, vote->sideways,
             lines);
        return Status::OK();
      }
      if (vote->rotate_degrees > 0) {
        RotatePageQuarter(page, vote->rotate_degrees);
        Note(page, kOrientation, "rotated %d (ascender count: up %.1f, sideways %.1f%s)", vote->rotate_degrees,
             vote->up, vote->sideways, lines);
        return Status::OK();
      }
      Note(page, kOrientation, "ascender count unsure (up %.1f, sideways %.1f), OSD asked", vote->up, vote->sideways);
    }
    Result<OrientationGuess> guess = detector_->Detect(reduced);
    if (!guess) {
      if (guess.error().code() == Status::Code::kNotFound) {
        Note(page, kOrientation, "kept, too little text to tell");
        return Status::OK();
      }
      return guess.error().WithContext(doc.source.path + ": " + kOrientation);
    }
    if (guess->rotate_degrees == 0) {
      Note(page, kOrientation, "upright (OSD confidence %.1f)", guess->confidence);
      return Status::OK();
    }
    const bool weak = guess->confidence < o.min_confidence;
    const bool read = engines_ && o.verify_below > 0 && (weak || guess->confidence < o.verify_below);
    if (!read) {
      if (weak) {
        // First do no harm: a weak vote leaves the page as it came.
        Note(page, kOrientation, "kept; OSD suggests %d with confidence %.1f < %.1f", guess->rotate_degrees,
             guess->confidence, o.min_confidence);
      } else {
        RotatePageQuarter(page, guess->rotate_degrees);
        Note(page, kOrientation, "rotated %d (OSD confidence %.1f)", guess->rotate_degrees, guess->confidence);
      }
      return Status::OK();
    }
    // Read the reduced copy both ways. A weak vote (a short page gives OSD
    // few letters) turns the page only if it reads clearly better turned; a
    // doubtful one (OSD can be sure and wrong on typescripts) stands unless
    // the page reads clearly better as it is (Tesseract reads some sideways
    // text well either way).
    Result<std::pair<float, float>> both = ReadBothWays(std::move(reduced), guess->rotate_degrees);
    if (!both) return both.error().WithContext(doc.source.path + ": " + kOrientation);
    const auto [as_is, turned] = *both;
    if (weak && turned >= as_is + kReadMargin) {
      RotatePageQuarter(page, guess->rotate_degrees);
      Note(page, kOrientation, "rotated %d (weak OSD confidence %.1f; reads %.0f turned vs %.0f as is)",
           guess->rotate_degrees, guess->confidence, turned, as_is);
    } else if (weak) {
      Note(page, kOrientation, "kept; OSD suggests %d with confidence %.1f < %.1f and the page does not read "
           "clearly better turned (%.0f vs %.0f as is)", guess->rotate_degrees, guess->confidence, o.min_confidence,
           turned, as_is);
    } else if (as_is <= turned + kReadMargin) {
      RotatePageQuarter(page, guess->rotate_degrees);
      Note(page, kOrientation, "rotated %d (OSD confidence %.1f; reads %.0f turned vs %.0f as is)",
           guess->rotate_degrees, guess->confidence, turned, as_is);
    } else {
      Note(page, kOrientation, "kept; OSD suggests %d (confidence %.1f) but the page reads better as is (%.0f vs %.0f)",
           guess->rotate_degrees, guess->confidence, as_is, turned);
    }
    return Status::OK();
  }

 private:
  static constexpr float kReadMargin = 5;  // OCR confidence points by which "as is" must win

  // Mean OCR word confidence (0..100) of the middle of `reduced`'s writing
  // (at most half the page's width and a quarter of its height: some sixty
  // words of typescript, an eighth of the page's reading time) as it is and
  // turned by `degrees`. Centred on the writing, so that the few lines of a
  // short page are read rather than the blank middle of the sheet.
  // One Latin-script model tells upright from turned as well as two
  // (`eng`: 78 vs 40 on FRAN_0150_0005, 89-91 vs 44-48 on the turned
  // phototests) and reads twice as fast. The engine is made on first use.
  Result<std::pair<float, float>> ReadBothWays(Image reduced, int degrees) {
    if (!engine_) {
      OcrOptions one_model;
      one_model.languages = "eng";
      one_model.recover_dropped_text = false;  // a band of the page, read only for its confidence
      auto made = engines_(one_model);
      if (!made) return Err(made.error());
      engine_ = std::move(*made);
    }
    const cv::Mat view = View(reduced);
    const cv::Rect page(0, 0, view.cols, view.rows);
    cv::Rect writing = WritingBox(view, static_cast<int>(PxPerMm(reduced.dpi_y()) / 2));
    if (writing.empty()) writing = page;
    const cv::Size window(std::max(1, view.cols / 2), std::max(1, view.rows / 4));
    const cv::Point centre = (writing.tl() + writing.br()) / 2;
    // The writing's middle, with a margin of a few pixels so no letter is cut.
    const cv::Rect band = cv::Rect(centre - cv::Point(window.width / 2, window.height / 2), window) &
                          (writing + cv::Size(8, 8) - cv::Point(4, 4)) & page;
    reduced = FromMat(view(band), reduced.dpi_x(), reduced.dpi_y());
    auto as_is = engine_->Recognize(reduced, "");
    if (!as_is) return Err(as_is.error());
    Page turned;
    turned.image = std::move(reduced);
    RotatePageQuarter(turned, degrees);
    auto other = engine_->Recognize(turned.image, "");
    if (!other) return Err(other.error());
    return std::make_pair(std::max(0.0f, as_is->mean_confidence), std::max(0.0f, other->mean_confidence));
  }

  const StepOptions<OrientationOptions>& options_;
  std::unique_ptr<OrientationDetector> detector_;
  const EngineFactory& engines_;
  std::unique_ptr<OcrEngine> engine_;  // made on the first doubtful vote
};

class OrientationStage : public PageStage {
 public:
  OrientationStage(StepOptions<OrientationOptions> options, OcrOptions ocr, DetectorFactory factory,
                   EngineFactory engines)
      : options_(std::move(options)), ocr_(std::move(ocr)), factory_(std::move(factory)), engines_(std::move(engines)) {}
  std::string_view Name() const override { return kOrientation; }
  Result<std::unique_ptr<PageWorker>> NewWorker() const override {
    auto detector = factory_(ocr_);
    if (!detector) return Err(detector.error().WithContext(kOrientation));
    return std::unique_ptr<PageWorker>(new OrientationWorker(options_, std::move(*detector), engines_));
  }

 private:
  const StepOptions<OrientationOptions> options_;
  const OcrOptions ocr_;
  const DetectorFactory factory_;
  const EngineFactory engines_;
};

Status Deskew(Page& page, const DeskewOptions& o) {
  // Measure on the OCR copy when there is one: border and speck removal
  // make the profiles cleaner.
  Result<Skew> skew = FindSkew(page.ocr_image.empty() ? page.image : page.ocr_image, o.max_angle);
  if (!skew) return skew.error();
  if (skew->confidence < o.min_confidence) {
    Note(page, kDeskew, "kept, skew not measurable (confidence %.1f)", skew->confidence);
  } else if (std::fabs(skew->degrees) < o.min_angle) {
    Note(page, kDeskew, "straight (%.2f°)", skew->degrees);
  } else {
    RotatePage(page, skew->degrees);
    Note(page, kDeskew, "%.2f° corrected", skew->degrees);
  }
  return Status::OK();
}

}  // namespace

Result<StepOptions<OrientationOptions>> ReadOrientationOptions(const Settings& settings) {
  return ReadStepOptions<OrientationOptions>(settings, kOrientation, [](OptionReader& r, OrientationOptions& o) {
    r.Read("min_confidence", o.min_confidence, 0, 1000);
    r.Read("reduce_dpi", o.reduce_dpi, 50, 600);
    r.Read("ascenders", o.ascenders);
    r.Read("verify_below", o.verify_below, 0, 1000);
  });
}

std::unique_ptr<PageStage> NewOrientationStage(StepOptions<OrientationOptions> options, DetectorFactory factory,
                                               EngineFactory engines) {
  return std::make_unique<OrientationStage>(std::move(options), OcrOptions{}, std::move(factory),
                                            std::move(engines));
}

Result<StepOptions<DeskewOptions>> ReadDeskewOptions(const Settings& settings) {
  return ReadStepOptions<DeskewOptions>(settings, kDeskew, [](OptionReader& r, DeskewOptions& o) {
    r.Read("max_angle", o.max_angle, 1, 30);
    r.Read("min_angle", o.min_angle, 0, 5);
    r.Read("min_confidence", o.min_confidence, 0, 100);
  });
}

std::unique_ptr<PageStage> NewDeskewStage(StepOptions<DeskewOptions> options) {
  return std::make_unique<StepStage<DeskewOptions>>(kDeskew, std::move(options), Deskew);
}

}  // namespace facteur::cleanup
