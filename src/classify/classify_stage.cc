// The classification stages:
//  - "classify.rules": RulesClassifier alone;
//  - "classify": the trained model (`model:` file) chained with the rules
//    (ChainClassifier); rules only, said in the reason, when the file is missing.
// Both send a document to review when its confidence is below `threshold` or
// nothing fits ("other"), keeping its top-3 candidates.
#include <filesystem>
#include <fstream>

#include "classify/chain_classifier.h"
#include "classify/rules_classifier.h"
#include "core/clock.h"
#include "core/hash.h"
#include "core/stage_registry.h"

namespace facteur {
namespace {

namespace fs = std::filesystem;

class ClassifyStage : public DocumentStage {
 public:
  ClassifyStage(std::string name, std::unique_ptr<Classifier> classifier, double threshold,
                std::map<std::string, std::string> provenance = {})
      : name_(std::move(name)), classifier_(std::move(classifier)), threshold_(threshold),
        provenance_(std::move(provenance)) {}

  std::string_view Name() const override { return name_; }
  std::map<std::string, std::string> Provenance() const override { return provenance_; }
  bool AppliesTo(const Document& doc) const override { return doc.status != DocStatus::kFailed; }

  Status Run(Document& doc, RunContext&) override {
    auto c = classifier_->Classify(doc);
    if (!c) return c.error();
    doc.classification = std::move(*c);
    const bool fits = doc.classification.label != "other";
    if (!fits || doc.classification.confidence < threshold_) doc.status = DocStatus::kReview;
    char buf[96];
    std::snprintf(buf, sizeof buf, " (confidence %.2f, threshold %.2f%s)", doc.classification.confidence, threshold_,
                  fits ? "" : ", no class fits: review");
    doc.events.push_back(Event{NowIso8601(), name_, doc.classification.reason + buf});
    return Status::OK();
  }

 private:
  const std::string name_;
  const std::unique_ptr<Classifier> classifier_;
  const double threshold_;
  const std::map<std::string, std::string> provenance_;  // model file, version, SHA-256
};

Status CheckKeys(const Settings& s, const std::string& stage, std::initializer_list<const char*> allowed) {
  for (const std::string& key : s.Keys()) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || key == a;
    if (!ok) return s.Error(stage + ": unknown setting '" + key + "'");
  }
  return Status::OK();
}

Result<double> Threshold(const Settings& s, const std::string& stage) {
  auto threshold = s.Double("threshold", 0.5);
  if (!threshold) return Err(threshold.error());
  if (*threshold < 0 || *threshold > 1) return Err(s.Error(stage + ": threshold must be between 0 and 1"));
  return *threshold;
}

Result<std::unique_ptr<Stage>> NewRulesStage(const Settings& s) {
  if (Status st = CheckKeys(s, "classify.rules", {"threshold", "classes", "prior"}); !st.ok()) return Err(st);
  auto threshold = Threshold(s, "classify.rules");
  if (!threshold) return Err(threshold.error());
  auto config = ParseRulesConfig(s);
  if (!config) return Err(config.error());
  return std::unique_ptr<Stage>(
      new ClassifyStage("classify.rules", std::make_unique<RulesClassifier>(std::move(*config)), *threshold));
}

// A relative model path is looked for beside the repository root (the
// pipeline folder's parent, as in `models/default.model`), then beside the
// pipeline file, then from the current folder. Returns "" when none exists.
std::string FindModel(const std::string& model, const std::string& pipeline_file) {
  std::error_code ec;
  if (fs::path(model).is_absolute()) return fs::exists(model, ec) ? model : "";
  const fs::path dir = fs::path(pipeline_file).parent_path();
  for (const fs::path& p : {dir.parent_path() / model, dir / model, fs::path(model)})
    if (fs::exists(p, ec)) return p.lexically_normal().string();
  return "";
}

}  // namespace

Result<std::unique_ptr<ChainClassifier>> NewChainClassifier(const Settings& s) {
  if (Status st = CheckKeys(s, "classify", {"threshold", "classes", "prior", "model", "rules_veto", "min_known_words",
                                       "no_rules_factor"});
      !st.ok())
    return Err(st);
  auto model_name = s.String("model", "");
  auto veto = s.Double("rules_veto", 0.6);
  auto min_known = s.Int("min_known_words", 8);
  auto no_rules = s.Double("no_rules_factor", 1.0);
  if (!no_rules) return Err(no_rules.error());
  if (*no_rules < 0 || *no_rules > 1) return Err(s.Error("classify: no_rules_factor must be between 0 and 1"));
  if (!model_name) return Err(model_name.error());
  if (!veto) return Err(veto.error());
  if (!min_known) return Err(min_known.error());
  auto config = ParseRulesConfig(s);
  if (!config) return Err(config.error());
  std::unique_ptr<ModelClassifier> model;
  std::string note = "no model configured";
  if (!model_name->empty()) {
    const std::string path = FindModel(*model_name, s.Origin());
    if (path.empty()) {
      note = "model " + *model_name + " not found";
    } else {
      // A model that is there but unreadable is a configuration error, not a
      // reason to quietly classify worse.
      auto loaded = LoadTextModel(path);
      if (!loaded) return Err(loaded.error().WithContext(s.Where() + ": classify"));
      model = std::make_unique<ModelClassifier>(std::move(*loaded), *model_name, static_cast<int>(*min_known));
    }
  }
  return std::make_unique<ChainClassifier>(std::move(model), note, RulesClassifier(std::move(*config)), *veto, *no_rules);
}

namespace {

// The model file the stage reads, for the capture context (issue 7): its
// name, first line (format and version) and SHA-256.
std::map<std::string, std::string> ModelProvenance(const Settings& s) {
  auto name = s.String("model", "");
  if (!name || name->empty()) return {{"classify_model", "none"}};
  const std::string path = FindModel(*name, s.Origin());
  if (path.empty()) return {{"classify_model", *name + " (not found)"}};
  std::map<std::string, std::string> out{{"classify_model", *name}};
  std::ifstream in(path);
  std::string first;
  std::getline(in, first);
  out["classify_model_format"] = first;
  if (auto sha = Sha256File(path)) out["classify_model_sha256"] = *sha;
  return out;
}

Result<std::unique_ptr<Stage>> NewChainStage(const Settings& s) {
  auto threshold = Threshold(s, "classify");
  if (!threshold) return Err(threshold.error());
  auto chain = NewChainClassifier(s);
  if (!chain) return Err(chain.error());
  return std::unique_ptr<Stage>(new ClassifyStage("classify", std::move(*chain), *threshold, ModelProvenance(s)));
}

}  // namespace

void RegisterClassifyStages(StageRegistry& registry) {
  registry.Add("classify.rules", "keyword/regex rules from the pipeline file -> class, confidence, review",
               NewRulesStage);
  registry.Add("classify", "trained model (models/) chained with the pipeline's rules -> calibrated class, review",
               NewChainStage);
}

}  // namespace facteur
