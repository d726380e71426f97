#include "classify/rules_classifier.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "classify/text_fold.h"

namespace facteur {
namespace {

bool WordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }

int CountWord(const std::string& text, const std::string& word, int cap) {
  int n = 0;
  for (size_t pos = text.find(word); pos != std::string::npos && n < cap; pos = text.find(word, pos + 1)) {
    bool left = pos == 0 || !WordChar(text[pos - 1]);
    size_t end = pos + word.size();
    bool right = end >= text.size() || !WordChar(text[end]);
    if (left && right) ++n;
  }
  return n;
}

int CountPattern(const std::string& text, const std::regex& re, int cap) {
  int n = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator() && n < cap; ++it)
    ++n;
  return n;
}

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

Classification RulesClassifier::ClassifyText(const std::string& raw) const {
  const std::string text = FoldText(raw);
  struct Scored {
    const ClassRule* rule;
    double score;
    std::string evidence;
  };
  std::vector<Scored> scored;
  double total = 0;
  for (const ClassRule& rule : config_.classes) {
    Scored s{&rule, 0, ""};
    for (const std::string& kw : rule.keywords) {
      int n = CountWord(text, kw, 2);
      if (n == 0) continue;
      s.score += rule.keyword_weight * n;
      s.evidence += (s.evidence.empty() ? "'" : ", '") + kw + "'" + (n > 1 ? " x2" : "");
    }
    for (size_t i = 0; i < rule.patterns.size(); ++i) {
      int n = CountPattern(text, rule.patterns[i], 2);
      if (n == 0) continue;
      s.score += rule.pattern_weight * n;
      s.evidence += (s.evidence.empty() ? "/" : ", /") + rule.pattern_texts[i] + "/" + (n > 1 ? " x2" : "");
    }
    total += s.score;
    scored.push_back(std::move(s));
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });

  Classification c;
  if (scored.empty() || scored[0].score <= 0) {
    c.label = "other";
    c.confidence = 0;
    c.reason = "rules: no class has any evidence";
    return c;
  }
  const double denom = total + config_.prior;
  for (size_t i = 0; i < scored.size() && i < 3 && scored[i].score > 0; ++i)
    c.candidates.push_back(Candidate{scored[i].rule->name, scored[i].score / denom});
  c.label = scored[0].rule->name;
  c.confidence = scored[0].score / denom;
  c.reason = "rules: " + c.label + " (score " + Fixed(scored[0].score) + ": " + scored[0].evidence + ")";
  if (scored.size() > 1 && scored[1].score > 0)
    c.reason += " over " + scored[1].rule->name + " (score " + Fixed(scored[1].score) + ")";
  return c;
}

Result<Classification> RulesClassifier::Classify(const Document& doc) const { return ClassifyText(doc.Text()); }

Result<RulesConfig> ParseRulesConfig(const Settings& section) {
  RulesConfig config;
  auto prior = section.Double("prior", config.prior);
  if (!prior) return Err(prior.error());
  if (*prior < 0) return Err(section.Error("prior must not be negative"));
  config.prior = *prior;
  auto classes = section.Items("classes");
  if (!classes) return Err(classes.error());
  if (classes->empty()) return Err(section.Error("classify.rules: no classes declared"));
  for (const Settings& item : *classes) {
    ClassRule rule;
    auto name = item.String("name", "");
    auto keywords = item.StringList("keywords");
    auto patterns = item.StringList("patterns");
    auto kw_weight = item.Double("keyword_weight", rule.keyword_weight);
    auto re_weight = item.Double("pattern_weight", rule.pattern_weight);
    if (!name) return Err(name.error());
    if (!keywords) return Err(keywords.error());
    if (!patterns) return Err(patterns.error());
    if (!kw_weight) return Err(kw_weight.error());
    if (!re_weight) return Err(re_weight.error());
    if (name->empty()) return Err(item.Error("a class needs a name"));
    for (const std::string& key : item.Keys()) {
      if (key != "name" && key != "keywords" && key != "patterns" && key != "keyword_weight" &&
          key != "pattern_weight")
        return Err(item.Error("class '" + *name + "': unknown setting '" + key + "'"));
    }
    rule.name = *name;
    rule.keyword_weight = *kw_weight;
    rule.pattern_weight = *re_weight;
    for (const std::string& kw : *keywords) rule.keywords.push_back(FoldText(kw));
    for (const std::string& pattern : *patterns) {
      try {
        rule.patterns.emplace_back(pattern, std::regex::ECMAScript | std::regex::icase | std::regex::optimize);
        rule.pattern_texts.push_back(pattern);
      } catch (const std::regex_error& e) {
        return Err(item.Error("class '" + *name + "': bad pattern '" + pattern + "': " + e.what()));
      }
    }
    if (rule.keywords.empty() && rule.patterns.empty())
      return Err(item.Error("class '" + *name + "': give keywords or patterns"));
    config.classes.push_back(std::move(rule));
  }
  return config;
}

}  // namespace facteur
