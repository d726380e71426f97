// RegisterCleanupStages: the cleanup folder's entries in the stage registry.
#include "cleanup/cleanup_stages.h"
#include "cleanup/geometry_stages.h"
#include "core/stage_registry.h"
#include "ocr/tessdata.h"

namespace facteur {

void RegisterCleanupStages(StageRegistry& registry) {
  using cleanup::StageResult;
  registry.Add("cleanup.orientation",
               "turns pages upright (0/90/180/270): Leptonica's ascender count, else Tesseract OSD above a confidence",
               [](const Settings& settings) -> StageResult {
                 auto options = cleanup::ReadOrientationOptions(settings);
                 if (!options) return Err(options.error());
                 // Report a missing osd.traineddata when the pipeline is loaded.
                 auto probe = NewTesseractOrientationDetector(OcrOptions{});
                 if (!probe) return Err(settings.Error("cleanup.orientation: " + probe.error().message()));
                 return std::unique_ptr<Stage>(cleanup::NewOrientationStage(std::move(*options)));
               });
  registry.Add("cleanup.deskew", "straightens pages skewed up to 15 degrees (Leptonica projection profiles)",
               [](const Settings& settings) -> StageResult {
                 auto options = cleanup::ReadDeskewOptions(settings);
                 if (!options) return Err(options.error());
                 return std::unique_ptr<Stage>(cleanup::NewDeskewStage(std::move(*options)));
               });
  registry.Add("cleanup.border", "removes black scanner borders from the OCR copy", cleanup::NewBorderStage);
  registry.Add("cleanup.despeckle", "removes specks (small beside the page's letters) and fax line noise from the OCR copy",
               cleanup::NewDespeckleStage);
  registry.Add("cleanup.punch_holes", "removes punch holes from the OCR copy", cleanup::NewPunchHoleStage);
  registry.Add("cleanup.background",
               "levels shaded or coloured paper in the OCR copy (evenly lit paper left alone); "
               "whitens show-through on dark paper",
               cleanup::NewBackgroundStage);
  registry.Add("cleanup.antialias",
               "softens the staircase edges of bilevel pages (faxes, G4 scans) in the OCR copy",
               cleanup::NewAntialiasStage);
  registry.Add("cleanup.binarize", "Sauvola adaptive binarisation of the OCR copy", cleanup::NewBinarizeStage);
  registry.Add("cleanup.blank", "detects blank pages (dropped from the document, kept in the original)",
               cleanup::NewBlankStage);
  registry.Add("quality", "after OCR: flags too dark, too light, too little text, low confidence for review",
               cleanup::NewQualityStage);
}

}  // namespace facteur
