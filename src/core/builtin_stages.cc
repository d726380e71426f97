// The list of built-in stage folders. Add a folder's Register call here.
#include "core/stage_registry.h"

namespace facteur {


const StageRegistry& BuiltinStages() {
  static const StageRegistry* registry = [] {
    auto* r = new StageRegistry;
    RegisterCleanupStages(*r);
    RegisterSeparateStages(*r);
    RegisterOcrStages(*r);
    RegisterOutputStages(*r);
    RegisterClassifyStages(*r);
    RegisterExtractStages(*r);
    RegisterRouteStages(*r);
    return r;
  }();
  return *registry;
}

}  // namespace facteur
