// cleanup.orientation and cleanup.deskew.
//
// cleanup.orientation: on a copy reduced to `reduce_dpi`, Leptonica's
// ascender count, and when it is unsure Tesseract OSD; the page (display
// image and OCR copy) is turned by 90/180/270 only on a sure count, when
// OSD's confidence reaches `min_confidence`, or when a weaker OSD vote is
// borne out by reading the page both ways ("first do no harm").
//   min_confidence: 5     a vote under it turns the page only if the page
//                         reads clearly better turned (never if verify_below
//                         is 0)
//   reduce_dpi: 150       resolution of the copy the count and OSD read
//   ascenders: true       first ask Leptonica's ascender count (VoteAscenders);
//                         when it is sure, it decides and OSD is not run
//                         (min_confidence and verify_below are OSD's)
//   verify_below: 10      a vote from min_confidence to this stands unless the
//                         page reads clearly better as it is
// cleanup.deskew: Leptonica's projection-profile sweep (1 degree steps) and
// binary search (to 0.01 degree) within +/- max_angle.
//   max_angle: 15         widest skew looked for, degrees
//   min_angle: 0.1        smaller skews are left alone
//   min_confidence: 3     Leptonica's score ratio below which nothing is done
// Both take `enabled` and `fax:` (see step.h).
#ifndef FACTEUR_CLEANUP_GEOMETRY_STAGES_H_
#define FACTEUR_CLEANUP_GEOMETRY_STAGES_H_

#include <functional>
#include <memory>

#include "cleanup/step.h"
#include "facteur/ocr_engine.h"

namespace facteur::cleanup {

struct OrientationOptions {
  bool enabled = true;
  double min_confidence = 5;  // under it a vote needs the reading's support
  bool ascenders = true;      // a sure ascender count decides and spares OSD
  double reduce_dpi = 150;    // lower = faster OSD, less reliable on small print
  double verify_below = 10;   // votes under it are checked by reading both ways;
                              // 0 = never read: votes under min_confidence are
                              // dropped, the others trusted
};

struct DeskewOptions {
  bool enabled = true;
  double max_angle = 15;      // degrees; wider = slower sweep
  double min_angle = 0.1;     // degrees; below it a rotation would only blur
  double min_confidence = 3;  // Leptonica conf; lower = acts on weaker evidence
};

using DetectorFactory = std::function<Result<std::unique_ptr<OrientationDetector>>(const OcrOptions&)>;
using EngineFactory = std::function<Result<std::unique_ptr<OcrEngine>>(const OcrOptions&)>;

Result<StepOptions<OrientationOptions>> ReadOrientationOptions(const Settings& settings);
// One detector per worker, from `factory` (tests pass fakes), and, made on the
// first doubtful vote, one OCR engine from `engines` that reads the page both
// ways (nullptr: doubtful votes are trusted).
std::unique_ptr<PageStage> NewOrientationStage(StepOptions<OrientationOptions> options,
                                               DetectorFactory factory = NewTesseractOrientationDetector,
                                               EngineFactory engines = NewTesseractEngine);

Result<StepOptions<DeskewOptions>> ReadDeskewOptions(const Settings& settings);
std::unique_ptr<PageStage> NewDeskewStage(StepOptions<DeskewOptions> options);

}  // namespace facteur::cleanup

#endif  // FACTEUR_CLEANUP_GEOMETRY_STAGES_H_
