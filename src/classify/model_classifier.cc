#include "classify/model_classifier.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace facteur {

Classification ModelClassifier::ClassifyText(const std::string& text) const {
  const Prediction p = Predict(model_, text);
  Classification c;
  char buf[160];
  if (p.known_words < min_known_words_) {
    c.label = "other";
    c.confidence = 0;
    std::snprintf(buf, sizeof buf, "model: only %d of %d words known to the model (needs %d)", p.known_words,
                  p.words, min_known_words_);
    c.reason = buf;
    return c;
  }
  std::vector<size_t> order(p.probabilities.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return p.probabilities[a] > p.probabilities[b]; });
  for (size_t i = 0; i < order.size() && i < 3; ++i)
    c.candidates.push_back(Candidate{model_.classes[order[i]], p.probabilities[order[i]]});
  c.label = c.candidates[0].label;
  c.confidence = c.candidates[0].confidence;
  std::snprintf(buf, sizeof buf, "model: %s %.2f", c.label.c_str(), c.confidence);
  c.reason = buf;
  if (c.candidates.size() > 1) {
    std::snprintf(buf, sizeof buf, " over %s %.2f", c.candidates[1].label.c_str(), c.candidates[1].confidence);
    c.reason += buf;
  }
  return c;
}

}  // namespace facteur
