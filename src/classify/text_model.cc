// Training and prediction of TextModel. Saving and loading: model_file.cc.
#include "classify/text_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <random>

#include "classify/calibration.h"
#include "classify/text_features.h"

namespace facteur {
namespace {

using Sparse = std::vector<std::pair<int, float>>;

// The model's input vector for `text`: known features only.
Sparse Vectorise(const TextModel& model, const std::unordered_map<std::string, int>& features) {
  Sparse x;
  for (const auto& [feature, count] : features) {
    auto it = model.index.find(feature);
    if (it != model.index.end()) x.push_back({it->second, static_cast<float>(count)});
  }
  std::sort(x.begin(), x.end());
  if (model.algorithm == "logistic") {
    double norm = 0;
    for (auto& [f, v] : x) {
      v = std::log1p(v);
      norm += v * v;
    }
    norm = std::sqrt(norm);
    if (norm > 0)
      for (auto& [f, v] : x) v /= norm;
  }
  return x;
}

std::vector<double> Scores(const TextModel& model, const Sparse& x) {
  const size_t k = model.classes.size();
  std::vector<double> s(model.bias.begin(), model.bias.end());
  for (const auto& [f, v] : x)
    for (size_t c = 0; c < k; ++c) s[c] += v * model.weights[f * k + c];
  return s;
}

std::string Fixed(double v, const char* fmt = "%.4f") {
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

void TrainNaiveBayes(TextModel& model, const std::vector<Sparse>& xs, const std::vector<int>& ys,
                     const TrainOptions& options) {
  const size_t k = model.classes.size(), v = model.vocabulary.size();
  std::vector<double> mass(v * k, options.alpha), total(k, options.alpha * v), docs(k, 1);
  for (size_t i = 0; i < xs.size(); ++i) {
    docs[ys[i]] += 1;
    for (const auto& [f, val] : xs[i]) mass[f * k + ys[i]] += val, total[ys[i]] += val;
  }
  const double n = std::accumulate(docs.begin(), docs.end(), 0.0);
  for (size_t c = 0; c < k; ++c) model.bias[c] = static_cast<float>(std::log(docs[c] / n));
  for (size_t f = 0; f < v; ++f)
    for (size_t c = 0; c < k; ++c) model.weights[f * k + c] = static_cast<float>(std::log(mass[f * k + c] / total[c]));
}

void TrainLogistic(TextModel& model, const std::vector<Sparse>& xs, const std::vector<int>& ys,
                   const TrainOptions& options) {
  const size_t k = model.classes.size();
  std::vector<size_t> order(xs.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    const double lr = options.learning_rate / (1 + epoch);
    for (size_t i : order) {
      std::vector<double> p = Softmax(Scores(model, xs[i]), 1.0);
      p[ys[i]] -= 1;  // gradient of the log loss with respect to the scores
      for (size_t c = 0; c < k; ++c) model.bias[c] -= static_cast<float>(lr * p[c]);
      for (const auto& [f, val] : xs[i]) {
        float* w = &model.weights[f * k];
        for (size_t c = 0; c < k; ++c) w[c] -= static_cast<float>(lr * (p[c] * val + options.l2 * w[c]));
      }
    }
  }
}

}  // namespace

void TextModel::Index() {
  index.clear();
  index.reserve(vocabulary.size());
  for (size_t i = 0; i < vocabulary.size(); ++i) index.emplace(vocabulary[i], static_cast<int>(i));
}

std::vector<double> Calibrate(const TextModel& model, const std::vector<double>& scores) {
  std::vector<double> p = Softmax(scores, model.temperature);
  if (p.size() < 2) return p;
  const size_t top = std::max_element(p.begin(), p.end()) - p.begin();
  if (p[top] <= model.max_confidence) return p;
  // Hold the top back and share the excess among the others in proportion.
  const double rest = 1 - p[top], excess = p[top] - model.max_confidence;
  for (size_t i = 0; i < p.size(); ++i)
    if (i != top) p[i] += rest > 0 ? excess * p[i] / rest : excess / (p.size() - 1);
  p[top] = model.max_confidence;
  return p;
}

Prediction Predict(const TextModel& model, const std::string& text) {
  Prediction out;
  const auto features = ExtractFeatures(text);
  for (const auto& [feature, count] : features) {
    if (feature.compare(0, 2, "w:") != 0) continue;
    out.words += count;
    if (model.index.count(feature)) out.known_words += count;
  }
  out.scores = Scores(model, Vectorise(model, features));
  out.probabilities = Calibrate(model, out.scores);
  return out;
}

Result<TextModel> TrainTextModel(const std::vector<LabelledText>& train, const std::vector<LabelledText>& calibration,
                                 const TrainOptions& options) {
  if (options.algorithm != "logistic" && options.algorithm != "naive_bayes")
    return Err(Status::InvalidArgument("unknown algorithm '" + options.algorithm + "' (logistic or naive_bayes)"));
  if (train.empty() || calibration.empty())
    return Err(Status::InvalidArgument("training and calibration sets must both be non-empty"));
  TextModel model;
  model.algorithm = options.algorithm;
  std::map<std::string, int> class_count;
  for (const LabelledText& t : train) class_count[t.label]++;
  if (class_count.size() < 2) return Err(Status::InvalidArgument("training needs at least two classes"));
  for (const auto& [label, n] : class_count) model.classes.push_back(label);

  // Vocabulary: features in at least min_df texts, the most frequent first.
  std::vector<std::unordered_map<std::string, int>> feats;
  std::unordered_map<std::string, int> df;
  for (const LabelledText& t : train) {
    feats.push_back(ExtractFeatures(t.text));
    for (const auto& [f, n] : feats.back()) df[f]++;
  }
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [f, n] : df)
    if (n >= options.min_df) ranked.push_back({-n, f});
  std::sort(ranked.begin(), ranked.end());
  if (ranked.size() > static_cast<size_t>(options.max_features)) ranked.resize(options.max_features);
  for (auto& [n, f] : ranked) model.vocabulary.push_back(std::move(f));
  std::sort(model.vocabulary.begin(), model.vocabulary.end());
  model.Index();
  const size_t k = model.classes.size();
  model.weights.assign(model.vocabulary.size() * k, 0.0f);
  model.bias.assign(k, 0.0f);

  auto label_index = [&](const std::string& label) {
    return static_cast<int>(std::find(model.classes.begin(), model.classes.end(), label) - model.classes.begin());
  };
  std::vector<Sparse> xs;
  std::vector<int> ys;
  for (size_t i = 0; i < train.size(); ++i) {
    xs.push_back(Vectorise(model, feats[i]));
    ys.push_back(label_index(train[i].label));
  }
  if (model.algorithm == "logistic")
    TrainLogistic(model, xs, ys, options);
  else
    TrainNaiveBayes(model, xs, ys, options);

  // Calibration on the held-apart texts (classes unknown to the model count
  // as errors of the model, so they are skipped for the temperature).
  std::vector<ScoredExample> held;
  for (const LabelledText& t : calibration) {
    const int y = label_index(t.label);
    if (y == static_cast<int>(k)) continue;
    held.push_back({Scores(model, Vectorise(model, ExtractFeatures(t.text))), y});
  }
  if (held.empty()) return Err(Status::InvalidArgument("no calibration text has a class the model knows"));
  const double nll_before = MeanNll(held, 1.0);
  // With c of n held-apart texts right, the set vouches for an accuracy of
  // (c + 1) / (n + 2) (Laplace's rule of succession), and for no more than
  // 1 - 1/(n + 2) on any one text. When the NLL-fitted temperature states a
  // higher mean confidence than that (the set is all right: the NLL fit runs
  // to the floor of its range and a 0.4 score margin reads as 0.999), the
  // temperature rises until the mean confidence is what the set vouches for.
  int held_right = 0;
  for (const ScoredExample& e : held)
    held_right += std::max_element(e.scores.begin(), e.scores.end()) - e.scores.begin() == e.truth;
  model.temperature = TemperatureForMeanConfidence(held, (held_right + 1.0) / (held.size() + 2.0), FitTemperature(held));
  model.max_confidence = 1.0 - 1.0 / (held.size() + 2.0);
  std::vector<Outcome> outcomes;
  for (const ScoredExample& e : held) {
    std::vector<double> p = Calibrate(model, e.scores);
    const int top = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
    outcomes.push_back({p[top], top == e.truth});
  }
  model.metrics = {{"train_texts", std::to_string(train.size())},
                   {"calibration_texts", std::to_string(held.size())},
                   {"vocabulary", std::to_string(model.vocabulary.size())},
                   {"calibration_accuracy", Fixed(double(held_right) / held.size())},
                   {"calibration_nll_before", Fixed(nll_before)},
                   {"calibration_nll_after", Fixed(MeanNll(held, model.temperature))},
                   {"calibration_ece", Fixed(ExpectedCalibrationError(Reliability(outcomes)))}};
  for (const auto& [label, n] : class_count) model.metrics.push_back({"train_class_" + label, std::to_string(n)});
  return model;
}

}  // namespace facteur
