#include "classify/calibration.h"

#include <algorithm>
#include <cmath>

namespace facteur {

std::vector<double> Softmax(const std::vector<double>& scores, double temperature) {
  std::vector<double> p(scores.size());
  if (scores.empty()) return p;
  const double top = *std::max_element(scores.begin(), scores.end());
  double sum = 0;
  for (size_t i = 0; i < scores.size(); ++i) sum += p[i] = std::exp((scores[i] - top) / temperature);
  for (double& v : p) v /= sum;
  return p;
}

double MeanNll(const std::vector<ScoredExample>& examples, double temperature) {
  if (examples.empty()) return 0;
  double nll = 0;
  for (const ScoredExample& e : examples) {
    const double p = Softmax(e.scores, temperature)[e.truth];
    nll -= std::log(std::max(p, 1e-300));
  }
  return nll / examples.size();
}

double FitTemperature(const std::vector<ScoredExample>& examples) {
  if (examples.empty()) return 1.0;
  double lo = std::log(0.01), hi = std::log(100.0);
  const double g = (std::sqrt(5.0) - 1) / 2;
  double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
  double fa = MeanNll(examples, std::exp(a)), fb = MeanNll(examples, std::exp(b));
  for (int i = 0; i < 60; ++i) {
    if (fa < fb) {
      hi = b, b = a, fb = fa;
      a = hi - g * (hi - lo);
      fa = MeanNll(examples, std::exp(a));
    } else {
      lo = a, a = b, fa = fb;
      b = lo + g * (hi - lo);
      fb = MeanNll(examples, std::exp(b));
    }
  }
  return std::exp((lo + hi) / 2);
}

double MeanConfidence(const std::vector<ScoredExample>& examples, double temperature) {
  if (examples.empty()) return 0;
  double sum = 0;
  for (const ScoredExample& e : examples) {
    const std::vector<double> p = Softmax(e.scores, temperature);
    sum += *std::max_element(p.begin(), p.end());
  }
  return sum / examples.size();
}

double TemperatureForMeanConfidence(const std::vector<ScoredExample>& examples, double target, double from) {
  if (examples.empty() || MeanConfidence(examples, from) <= target) return from;
  double lo = std::log(from), hi = std::log(100.0);
  if (MeanConfidence(examples, 100.0) > target) return 100.0;
  for (int i = 0; i < 60; ++i) {
    const double mid = (lo + hi) / 2;
    (MeanConfidence(examples, std::exp(mid)) > target ? lo : hi) = mid;
  }
  return std::exp(hi);
}

std::vector<ReliabilityBin> Reliability(const std::vector<Outcome>& outcomes) {
  static const double kEdges[] = {0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0000001};
  std::vector<ReliabilityBin> bins;
  for (size_t i = 0; i + 1 < std::size(kEdges); ++i) bins.push_back({kEdges[i], std::min(kEdges[i + 1], 1.0)});
  for (const Outcome& o : outcomes) {
    size_t b = 0;
    while (b + 1 < bins.size() && o.confidence >= kEdges[b + 1]) ++b;
    bins[b].count++;
    bins[b].mean_confidence += o.confidence;
    bins[b].accuracy += o.correct ? 1 : 0;
  }
  for (ReliabilityBin& bin : bins) {
    if (bin.count == 0) continue;
    bin.mean_confidence /= bin.count;
    bin.accuracy /= bin.count;
  }
  return bins;
}

double ExpectedCalibrationError(const std::vector<ReliabilityBin>& bins) {
  int total = 0;
  double err = 0;
  for (const ReliabilityBin& b : bins) {
    total += b.count;
    err += b.count * std::fabs(b.accuracy - b.mean_confidence);
  }
  return total == 0 ? 0 : err / total;
}

}  // namespace facteur
