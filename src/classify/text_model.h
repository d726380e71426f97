// TextModel: a linear text classifier over TextFeatures (multinomial naive
// Bayes or multinomial logistic regression; both predict with
//   score(c) = bias(c) + sum over features f of x(f) * weight(f, c)
// and differ in how they are trained and in x: raw counts for naive Bayes,
// L2-normalised log(1 + count) for logistic regression), plus a calibration
// map (temperature scaling fitted on held-apart data, and a ceiling on the
// confidence the held-apart set can vouch for).
//
// Files: SaveTextModel / LoadTextModel (model_file.cc), versioned text.
// Thread safety: a loaded model is immutable; Predict may run on many threads.
#ifndef FACTEUR_CLASSIFY_TEXT_MODEL_H_
#define FACTEUR_CLASSIFY_TEXT_MODEL_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "facteur/status.h"

namespace facteur {

struct TextModel {
  std::string algorithm;               // "logistic" or "naive_bayes"
  std::vector<std::string> classes;    // labels, in weight-column order
  std::vector<std::string> vocabulary; // feature strings (text_features.h)
  std::vector<float> weights;          // vocabulary.size() x classes.size(), row-major
  std::vector<float> bias;             // one per class
  // Calibration map: p = softmax(score / temperature); the top probability is
  // then held to at most max_confidence.
  double temperature = 1.0;
  double max_confidence = 1.0;
  // Training metrics ("name", "value"), written into the model file.
  std::vector<std::pair<std::string, std::string>> metrics;

  // Built by Index() from vocabulary; not saved.
  std::unordered_map<std::string, int> index;
  void Index();
};

struct Prediction {
  std::vector<double> probabilities;  // calibrated, one per class (model.classes order)
  std::vector<double> scores;         // raw, before calibration
  int known_words = 0;                // word tokens found in the vocabulary
  int words = 0;                      // word tokens in the text
};

// REQUIRES: model.Index() was called (LoadTextModel and TrainTextModel do).
Prediction Predict(const TextModel& model, const std::string& text);

// Calibrated probabilities from raw scores with the model's calibration map.
std::vector<double> Calibrate(const TextModel& model, const std::vector<double>& scores);

struct LabelledText {
  std::string text;
  std::string label;
  std::string origin;  // file it came from, for messages
};

struct TrainOptions {
  std::string algorithm = "logistic";  // or "naive_bayes"
  int min_df = 2;             // a feature must occur in this many training texts
  int max_features = 20000;   // keep the most frequent: bounds the model file's size
  int epochs = 12;            // logistic: passes of SGD over the training set
  double learning_rate = 0.5; // logistic: initial step, decays as 1/(1 + epoch)
  double l2 = 1e-5;           // logistic: weight decay on active features
  double alpha = 0.1;         // naive Bayes: additive smoothing
  uint64_t seed = 1;          // shuffling
};

// Trains on `train`, then fits the calibration map on `calibration` (texts
// the model has not seen). Errors: InvalidArgument when a set is empty or
// the training set has fewer than two classes.
Result<TextModel> TrainTextModel(const std::vector<LabelledText>& train,
                                 const std::vector<LabelledText>& calibration, const TrainOptions& options);

// Atomic save (temp file + fsync + rename) in the format of model_file.cc.
Status SaveTextModel(const TextModel& model, const std::string& path);
// Errors: NotFound for a missing file; Corrupt naming the file and line for
// a wrong format name, another version, a bad checksum or a truncated file.
Result<TextModel> LoadTextModel(const std::string& path);

}  // namespace facteur

#endif  // FACTEUR_CLASSIFY_TEXT_MODEL_H_
