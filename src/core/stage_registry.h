// StageRegistry: stage names as written in pipeline files -> factories.
//
// Each stage folder exposes RegisterXxxStages(StageRegistry&) and
// builtin_stages.cc calls them all explicitly (no static self-registration:
// it breaks with static libraries and init order).
#ifndef FACTEUR_CORE_STAGE_REGISTRY_H_
#define FACTEUR_CORE_STAGE_REGISTRY_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "facteur/settings.h"
#include "facteur/stage.h"
#include "facteur/status.h"

namespace facteur {

// Builds a stage from its settings section; errors name the file and line.
using StageFactory = std::function<Result<std::unique_ptr<Stage>>(const Settings&)>;

class StageRegistry {
 public:
  // REQUIRES: `name` not registered yet.
  void Add(const std::string& name, const std::string& summary, StageFactory factory);
  // nullptr when unknown.
  const StageFactory* Find(const std::string& name) const;
  // (name, summary) pairs, sorted, for --help and error messages.
  std::vector<std::pair<std::string, std::string>> List() const;

 private:
  struct Entry {
    std::string summary;
    StageFactory factory;
  };
  std::map<std::string, Entry> entries_;
};

// The registry with every built-in stage; built once, thread-safe to read.
const StageRegistry& BuiltinStages();

// One line per stage folder; defined in that folder.
void RegisterOcrStages(StageRegistry& registry);
void RegisterClassifyStages(StageRegistry& registry);
void RegisterOutputStages(StageRegistry& registry);
void RegisterCleanupStages(StageRegistry& registry);
void RegisterExtractStages(StageRegistry& registry);
void RegisterRouteStages(StageRegistry& registry);
void RegisterSeparateStages(StageRegistry& registry);

}  // namespace facteur

#endif  // FACTEUR_CORE_STAGE_REGISTRY_H_
