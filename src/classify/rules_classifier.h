// RulesClassifier: keyword and regular-expression evidence per class, as
// declared in a pipeline file, turned into a class and a confidence.
//
// Matching is on folded text (FoldText: no accents, lower case, one space
// between words), keywords on word boundaries. Each class scores
//   sum over its keywords of weight * min(occurrences, 2)
//   + sum over its patterns of pattern_weight * min(matches, 2)
// and the confidence of class c is score(c) / (sum of all scores + prior),
// so one weak hit is not a sure thing, and two classes with similar evidence
// share the confidence. No evidence at all gives "other" with confidence 0.
#ifndef FACTEUR_CLASSIFY_RULES_CLASSIFIER_H_
#define FACTEUR_CLASSIFY_RULES_CLASSIFIER_H_

#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "facteur/classifier.h"
#include "facteur/settings.h"

namespace facteur {

struct ClassRule {
  std::string name;
  std::vector<std::string> keywords;  // folded
  std::vector<std::string> pattern_texts;
  std::vector<std::regex> patterns;   // over folded text
  double keyword_weight = 1.0;
  double pattern_weight = 2.0;
};

struct RulesConfig {
  std::vector<ClassRule> classes;
  // Evidence mass kept back for "none of these": higher = more cautious.
  double prior = 1.0;
};

class RulesClassifier : public Classifier {
 public:
  explicit RulesClassifier(RulesConfig config) : config_(std::move(config)) {}
  Result<Classification> Classify(const Document& doc) const override;
  // Same, on text already at hand.
  Classification ClassifyText(const std::string& text) const;

 private:
  const RulesConfig config_;
};

// Reads the `classes:` list and `prior` of a classify.rules section.
// Errors name the file and line: "default.yaml:40: class 'x': bad pattern '(': ...".
Result<RulesConfig> ParseRulesConfig(const Settings& section);

}  // namespace facteur

#endif  // FACTEUR_CLASSIFY_RULES_CLASSIFIER_H_
