// RegisterSeparateStages: the separate folder's entries in the stage registry.
#include "core/stage_registry.h"
#include "separate/separate_stages.h"

namespace facteur {

void RegisterSeparateStages(StageRegistry& registry) {
  registry.Add("separate.detect", "finds separator sheets: Kodak patch codes and barcodes (Code 39/128, QR)",
               [](const Settings& settings) -> Result<std::unique_ptr<Stage>> {
                 auto options = separate::ReadDetectOptions(settings);
                 if (!options) return Err(options.error());
                 return std::unique_ptr<Stage>(separate::NewDetectStage(std::move(*options)));
               });
  registry.Add("separate.split", "cuts a scanned stack into one document per letter at separator sheets",
               [](const Settings& settings) -> Result<std::unique_ptr<Stage>> {
                 auto options = separate::ReadSplitOptions(settings);
                 if (!options) return Err(options.error());
                 return std::unique_ptr<Stage>(separate::NewSplitStage(std::move(*options)));
               });
}

}  // namespace facteur
