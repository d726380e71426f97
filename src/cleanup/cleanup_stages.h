// Factories of the cleanup steps that work on the OCR copy (Page::ocr_image)
// or only measure the page. Each reads its settings section (with `enabled`
// and `fax:` overrides, see step.h); errors name file and line.
// RegisterCleanupStages (register.cc) puts them in the stage registry.
#ifndef FACTEUR_CLEANUP_CLEANUP_STAGES_H_
#define FACTEUR_CLEANUP_CLEANUP_STAGES_H_

#include <memory>

#include "facteur/settings.h"
#include "facteur/stage.h"
#include "facteur/status.h"

namespace facteur::cleanup {

using StageResult = Result<std::unique_ptr<Stage>>;

// cleanup.border: whitens, in the OCR copy, dark regions that touch an edge
// and run along much of it (scanner lid, shadow of the sheet's edge).
StageResult NewBorderStage(const Settings& settings);
// cleanup.despeckle: whitens specks (ink smaller than `max_speck_mm`) and,
// with `lines: true`, thin horizontal streaks (fax line noise).
StageResult NewDespeckleStage(const Settings& settings);
// cleanup.punch_holes: whitens round dark discs 4-10 mm across near an edge.
StageResult NewPunchHoleStage(const Settings& settings);
// cleanup.background: divides the OCR copy by its paper (illumination,
// coloured and carbon paper) and whitens what is lighter than `white_level`
// (show-through, stains).
StageResult NewBackgroundStage(const Settings& settings);
// cleanup.antialias: softens the edges of bilevel pages (faxes, G4 scans)
// in the OCR copy with a Gaussian blur of `sigma_px`.
StageResult NewAntialiasStage(const Settings& settings);
// cleanup.binarize: Sauvola adaptive threshold of the OCR copy.
StageResult NewBinarizeStage(const Settings& settings);
// cleanup.blank: Page::blank_score and Page::blank from the ink left once
// punch holes, specks, borders and the sheet's edge are set aside.
StageResult NewBlankStage(const Settings& settings);
// quality: after OCR, Page::quality_flags ("too dark", "too light", "too
// little text", "low OCR confidence") send the document to review.
StageResult NewQualityStage(const Settings& settings);

}  // namespace facteur::cleanup

#endif  // FACTEUR_CLEANUP_CLEANUP_STAGES_H_
