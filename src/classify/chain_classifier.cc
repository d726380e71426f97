#include "classify/chain_classifier.h"

#include <algorithm>
#include <cstdio>

namespace facteur {

Classification ChainClassifier::ClassifyText(const std::string& text) const {
  Classification rules = rules_.ClassifyText(text);
  if (!model_) {
    rules.reason = "rules only (" + note_ + "): " + rules.reason;
    return rules;
  }
  Classification model = model_->ClassifyText(text);
  const std::string rules_said = rules.label == "other" ? "rules: no evidence" : rules.reason;
  if (model.label == "other" && model.candidates.empty()) {
    model.reason += "; " + rules_said;
    return model;
  }
  if (rules.label == model.label) {
    model.reason = "model and rules agree. " + model.reason + "; " + rules.reason;
    return model;
  }
  const auto& classes = model_->model().classes;
  const bool rules_class_known = std::count(classes.begin(), classes.end(), rules.label) > 0;
  if (rules.label == "other" && no_rules_factor_ < 1) {
    // Not one keyword of any class: the model alone vouches for the class, on
    // wording it may never have seen (CCITT_1.TIF, a 1972 letter about fax).
    char note[96];
    std::snprintf(note, sizeof note, "model decided, no rule supports it (confidence x %.2f). ", no_rules_factor_);
    model.confidence *= no_rules_factor_;
    model.reason = note + model.reason;
    return model;
  }
  if (rules.label == "other" || rules.confidence < rules_veto_) {
    model.reason = "model decided. " + model.reason + "; " + rules_said;
    return model;
  }
  char buf[96];
  if (!rules_class_known || rules.confidence > model.confidence) {
    const double other = rules_class_known ? model.confidence : 0;
    std::snprintf(buf, sizeof buf, "rules decided against the model (confidence %.2f x (1 - %.2f)). ",
                  rules.confidence, other);
    rules.reason = buf + rules.reason + "; " + model.reason;
    rules.confidence *= 1 - other;
    return rules;
  }
  std::snprintf(buf, sizeof buf, "model decided against strong rules (confidence %.2f x (1 - %.2f)). ",
                model.confidence, rules.confidence);
  model.reason = buf + model.reason + "; " + rules.reason;
  model.confidence *= 1 - rules.confidence;
  return model;
}

}  // namespace facteur
