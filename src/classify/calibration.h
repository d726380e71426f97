// Calibration: fitting a temperature on held-apart predictions and measuring
// reliability (is a stated 0.9 right 90% of the time?).
#ifndef FACTEUR_CLASSIFY_CALIBRATION_H_
#define FACTEUR_CLASSIFY_CALIBRATION_H_

#include <string>
#include <vector>

namespace facteur {

// One held-apart prediction: raw class scores and the true class index.
struct ScoredExample {
  std::vector<double> scores;
  int truth = 0;
};

// softmax(scores / temperature), numerically stable.
std::vector<double> Softmax(const std::vector<double>& scores, double temperature);

// Mean negative log-likelihood of the truths under softmax(scores / t).
double MeanNll(const std::vector<ScoredExample>& examples, double temperature);

// The temperature in [0.01, 100] minimising MeanNll (golden-section search on
// log t; the NLL is unimodal in t). 1 for an empty set.
double FitTemperature(const std::vector<ScoredExample>& examples);

// Mean top probability of softmax(scores / t) over the examples.
double MeanConfidence(const std::vector<ScoredExample>& examples, double temperature);

// The smallest temperature in [from, 100] at which MeanConfidence is at most
// `target` (bisection on log t; the mean top probability falls as t grows).
// For a held-apart set the model gets (nearly) all right, where the NLL fit
// runs to the floor of its range and any score margin, however thin, then
// reads as certainty. `from` when it already is; 100 when nothing reaches it.
double TemperatureForMeanConfidence(const std::vector<ScoredExample>& examples, double target, double from);

// One (confidence, correct) pair per decision.
struct Outcome {
  double confidence = 0;
  bool correct = false;
};

struct ReliabilityBin {
  double low = 0, high = 0;  // confidence range [low, high)
  int count = 0;
  double mean_confidence = 0;
  double accuracy = 0;
};

// Bins [0,.5) [.5,.6) [.6,.7) [.7,.8) [.8,.9) [.9,.95) [.95,.99) [.99,1];
// empty bins are kept (count 0).
std::vector<ReliabilityBin> Reliability(const std::vector<Outcome>& outcomes);
// Expected calibration error: sum over bins of count/N * |accuracy - confidence|.
double ExpectedCalibrationError(const std::vector<ReliabilityBin>& bins);

}  // namespace facteur

#endif  // FACTEUR_CLASSIFY_CALIBRATION_H_
