// The "classify.rules" stage: classifies a document with RulesClassifier and
// sends it to review when the confidence is below the pipeline's threshold.
#include "classify/rules_classifier.h"
#include "core/clock.h"
#include "core/stage_registry.h"

namespace facteur {
namespace {

class ClassifyStage : public DocumentStage {
 public:
  ClassifyStage(RulesClassifier classifier, double threshold)
      : classifier_(std::move(classifier)), threshold_(threshold) {}

  std::string_view Name() const override { return "classify.rules"; }
  bool AppliesTo(const Document& doc) const override { return doc.status != DocStatus::kFailed; }

  Status Run(Document& doc, RunContext&) override {
    auto c = classifier_.Classify(doc);
    if (!c) return c.error();
    doc.classification = std::move(*c);
    if (doc.classification.confidence < threshold_) doc.status = DocStatus::kReview;
    char buf[64];
    std::snprintf(buf, sizeof buf, " (confidence %.2f, threshold %.2f)", doc.classification.confidence, threshold_);
    doc.events.push_back(Event{NowIso8601(), "classify.rules", doc.classification.reason + buf});
    return Status::OK();
  }

 private:
  const RulesClassifier classifier_;
  const double threshold_;
};

Result<std::unique_ptr<Stage>> NewClassifyStage(const Settings& s) {
  for (const std::string& key : s.Keys())
    if (key != "threshold" && key != "classes" && key != "prior")
      return Err(s.Error("classify.rules: unknown setting '" + key + "'"));
  auto threshold = s.Double("threshold", 0.5);
  if (!threshold) return Err(threshold.error());
  if (*threshold < 0 || *threshold > 1) return Err(s.Error("classify.rules: threshold must be between 0 and 1"));
  auto config = ParseRulesConfig(s);
  if (!config) return Err(config.error());
  return std::unique_ptr<Stage>(new ClassifyStage(RulesClassifier(std::move(*config)), *threshold));
}

}  // namespace

void RegisterClassifyStages(StageRegistry& registry) {
  registry.Add("classify.rules", "keyword/regex rules from the pipeline file -> class, confidence, review",
               NewClassifyStage);
}

}  // namespace facteur
