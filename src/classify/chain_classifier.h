// ChainClassifier: the trained model and the pipeline's rules, joined.
//
// With no model (none configured, or the file is missing) the rules decide
// alone and the reason says so. With a model:
//  - model and rules agree, or the rules have little evidence
//    (confidence < rules_veto): the model decides, with its calibrated
//    confidence;
//  - the rules find no evidence for any class: the model decides, its
//    confidence scaled by `no_rules_factor` (1 = off);
//  - they disagree and the rules are strong: the stronger of the two names
//    the class, but its confidence is scaled by (1 - the other's), so the
//    conflict usually lands in review: no match beats a bad match;
//  - the rules name a class the model does not know (a pipeline's own class)
//    with strong evidence: the rules decide.
// The reason always says which evidence decided.
#ifndef FACTEUR_CLASSIFY_CHAIN_CLASSIFIER_H_
#define FACTEUR_CLASSIFY_CHAIN_CLASSIFIER_H_

#include <memory>
#include <string>

#include "classify/model_classifier.h"
#include "classify/rules_classifier.h"
#include "facteur/settings.h"

namespace facteur {

class ChainClassifier : public Classifier {
 public:
  // `model` may be null; `no_model_note` then says why ("models/x.model: not found").
  ChainClassifier(std::unique_ptr<ModelClassifier> model, std::string no_model_note, RulesClassifier rules,
                  double rules_veto, double no_rules_factor = 1.0)
      : model_(std::move(model)),
        note_(std::move(no_model_note)),
        rules_(std::move(rules)),
        rules_veto_(rules_veto),
        no_rules_factor_(no_rules_factor) {}

  Result<Classification> Classify(const Document& doc) const override { return ClassifyText(doc.Text()); }
  Classification ClassifyText(const std::string& text) const;

  bool has_model() const { return model_ != nullptr; }

 private:
  const std::unique_ptr<ModelClassifier> model_;
  const std::string note_;
  const RulesClassifier rules_;
  const double rules_veto_;
  const double no_rules_factor_;
};

// Builds the chain from a `classify` stage section: `model` (path, relative
// to the repository root beside the pipeline folder, the pipeline file, or
// the current folder), `rules_veto` (default 0.6), `min_known_words`
// (default 8), `classes` and `prior` as for classify.rules. A missing model
// file means rules only; a model file that cannot be read is an error.
Result<std::unique_ptr<ChainClassifier>> NewChainClassifier(const Settings& section);

}  // namespace facteur

#endif  // FACTEUR_CLASSIFY_CHAIN_CLASSIFIER_H_
