#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

#include "classify/calibration.h"
#include "classify/text_features.h"
#include "classify/text_model.h"
#include "testing/temp_dir.h"

using namespace facteur;

namespace {

// Texts built from a class's own words and shared words; `noise` of the
// labels are drawn at random, so no model can be perfect on them.
std::vector<LabelledText> Synthetic(int per_class, double noise, uint64_t seed) {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kClasses = {
      {"termination", {"résiliation", "résilier", "préavis", "cancel", "terminate", "mettre fin"}},
      {"complaint", {"réclamation", "mécontent", "litige", "complaint", "disappointed", "remboursement"}},
      {"invoice", {"facture", "montant", "tva", "invoice", "total due", "échéance"}}};
  static const std::vector<std::string> kShared = {"madame", "monsieur", "contrat", "client", "dear", "sir",
                                                   "please", "merci", "compte", "letter", "date", "veuillez"};
  std::mt19937_64 rng(seed);
  std::vector<LabelledText> out;
  for (int i = 0; i < per_class; ++i) {
    for (size_t c = 0; c < kClasses.size(); ++c) {
      std::string text;
      for (int w = 0; w < 25; ++w) {
        const auto& pool = (rng() % 100 < 20) ? kClasses[c].second : kShared;
        text += pool[rng() % pool.size()] + (w % 9 == 8 ? ".\n" : " ");
      }
      const size_t label = (rng() % 1000 < noise * 1000) ? rng() % kClasses.size() : c;
      out.push_back({text, kClasses[label].first, "synthetic"});
    }
  }
  return out;
}

std::string Top(const TextModel& m, const std::string& text) {
  Prediction p = Predict(m, text);
  return m.classes[std::max_element(p.probabilities.begin(), p.probabilities.end()) - p.probabilities.begin()];
}

}  // namespace

TEST_CASE("TextFeatures folds accents and digits into words, pairs and character n-grams", "[classify]") {
  auto f = ExtractFeatures("Résiliation CT-2306 Résiliation");
  CHECK(f["w:resiliation"] == 2);
  CHECK(f["w:0"] == 1);
  CHECK(f["b:resiliation ct"] == 1);
  CHECK(f["c: res"] == 2);
  CHECK(f.count("w:2306") == 0);
}

TEST_CASE("The subject line's words count again as features of their own", "[classify]") {
  auto f = ExtractFeatures("Jean Dupont\n12 rue Haute\nObjet : Résiliation du contrat n° 42\nMadame,\nrésiliation");
  CHECK(f["s:resiliation"] == 1);
  CHECK(f["s:contrat"] == 1);
  CHECK(f.count("s:0") == 0);
  CHECK(f.count("s:madame") == 0);
  CHECK(f["w:resiliation"] == 2);
  CHECK(SubjectWords("Re: Change of address\nDear Sir") == std::vector<std::string>{"change", "of", "address"});
  CHECK(SubjectWords("Dear Sir,\nRegards").empty());
}

TEST_CASE("TextModel trains on a small synthetic set and predicts unseen texts", "[classify]") {
  for (const char* algorithm : {"logistic", "naive_bayes"}) {
    SECTION(algorithm) {
      TrainOptions options;
      options.algorithm = algorithm;
      auto model = TrainTextModel(Synthetic(40, 0, 1), Synthetic(10, 0, 2), options);
      REQUIRE(model.has_value());
      CHECK(model->classes == std::vector<std::string>{"complaint", "invoice", "termination"});
      CHECK(Top(*model, "Je demande la résiliation de mon contrat avec préavis, merci de mettre fin") == "termination");
      CHECK(Top(*model, "Please find the invoice, total due and TVA, montant") == "invoice");
      CHECK(Top(*model, "Je suis mécontent : réclamation et litige, remboursement") == "complaint");
      int right = 0;
      const auto test = Synthetic(20, 0, 3);
      for (const LabelledText& t : test) right += Top(*model, t.text) == t.label;
      CHECK(right >= 0.9 * test.size());
    }
  }
}

TEST_CASE("TextModel refuses a training set with one class", "[classify]") {
  std::vector<LabelledText> one = {{"a b c", "x", ""}, {"a b d", "x", ""}};
  auto model = TrainTextModel(one, one, TrainOptions());
  REQUIRE_FALSE(model.has_value());
  CHECK(model.error().message() == "training needs at least two classes");
}

TEST_CASE("A saved model loads back and predicts the same; damaged files are refused", "[classify]") {
  testing::TempDir dir;
  auto model = TrainTextModel(Synthetic(20, 0, 1), Synthetic(5, 0, 2), TrainOptions());
  REQUIRE(model.has_value());
  const std::string path = dir.File("m.model");
  REQUIRE(SaveTextModel(*model, path).ok());
  auto loaded = LoadTextModel(path);
  REQUIRE(loaded.has_value());
  CHECK(loaded->classes == model->classes);
  CHECK(loaded->vocabulary.size() == model->vocabulary.size());
  CHECK(loaded->metrics == model->metrics);
  const std::string text = "réclamation litige mécontent merci madame";
  Prediction a = Predict(*model, text), b = Predict(*loaded, text);
  for (size_t i = 0; i < a.probabilities.size(); ++i) CHECK(std::fabs(a.probabilities[i] - b.probabilities[i]) < 1e-3);

  std::ifstream in(path);
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string good = buf.str();
  auto write = [&](const std::string& bytes) { std::ofstream(path, std::ios::trunc) << bytes; };
  SECTION("another format version") {
    write("facteur-text-model 2" + good.substr(good.find('\n')));
    auto r = LoadTextModel(path);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == Status::Code::kCorrupt);
    CHECK(r.error().message() == path + ":1: model format version 2, this facteur reads version 1 (retrain with `facteur train`)");
  }
  SECTION("not a model at all") {
    write("hello\n");
    auto r = LoadTextModel(path);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message() == path + ":1: not a facteur model (expected 'facteur-text-model 1')");
  }
  SECTION("a changed weight") {
    std::string bad = good;
    const size_t tab = bad.find('\t');
    bad[tab + 1] = bad[tab + 1] == '1' ? '2' : '1';
    write(bad);
    auto r = LoadTextModel(path);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message().find("checksum mismatch") != std::string::npos);
  }
  SECTION("a truncated file") {
    write(good.substr(0, good.size() / 2));
    auto r = LoadTextModel(path);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == Status::Code::kCorrupt);
    CHECK(r.error().message().rfind(path + ":", 0) == 0);
  }
  SECTION("a missing file") {
    auto r = LoadTextModel(dir.File("nope.model"));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == Status::Code::kNotFound);
  }
}

TEST_CASE("FitTemperature undoes overconfident scores", "[classify]") {
  // True probabilities softmax(s); the model states softmax(3 s).
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-2, 2), unit(0, 1);
  std::vector<ScoredExample> held;
  for (int i = 0; i < 4000; ++i) {
    std::vector<double> s = {u(rng), u(rng), u(rng)};
    std::vector<double> p = Softmax(s, 1.0);
    double r = unit(rng);
    int truth = r < p[0] ? 0 : r < p[0] + p[1] ? 1 : 2;
    for (double& v : s) v *= 3;
    held.push_back({s, truth});
  }
  CHECK(FitTemperature(held) == Approx(3.0).epsilon(0.1));
}

TEST_CASE("On a held-apart set the model gets all right, the temperature stops where the set vouches", "[classify]") {
  // Separable: the truth always leads by a margin in [0.2, 2]. The NLL alone
  // runs the temperature to its floor (every margin reads as certainty).
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> margin(0.2, 2);
  std::vector<ScoredExample> held;
  for (int i = 0; i < 200; ++i) held.push_back({{margin(rng), 0, 0}, i % 3});
  for (ScoredExample& e : held) std::swap(e.scores[0], e.scores[e.truth]);
  const double nll_t = FitTemperature(held);
  CHECK(nll_t < 0.02);
  const double target = 201.0 / 202.0;
  const double t = TemperatureForMeanConfidence(held, target, nll_t);
  CHECK(t > 0.05);
  CHECK(MeanConfidence(held, t) == Approx(target).epsilon(1e-6));
  // A thin margin of 0.2 is no longer near-certain.
  CHECK(Softmax({0.2, 0, 0}, t)[0] < 0.99);
  // Already at or under the target: the temperature is kept.
  CHECK(TemperatureForMeanConfidence(held, 0.9999999, 3.0) == 3.0);
}

TEST_CASE("Calibrated on a held-apart split, mean confidence is close to accuracy on new texts", "[classify]") {
  // 25% of labels are random: accuracy is well below 1, so overconfidence shows.
  for (const char* algorithm : {"logistic", "naive_bayes"}) {
    SECTION(algorithm) {
      TrainOptions options;
      options.algorithm = algorithm;
      auto model = TrainTextModel(Synthetic(150, 0.25, 11), Synthetic(100, 0.25, 12), options);
      REQUIRE(model.has_value());
      const auto test = Synthetic(200, 0.25, 13);
      double confidence = 0;
      int right = 0;
      for (const LabelledText& t : test) {
        Prediction p = Predict(*model, t.text);
        auto top = std::max_element(p.probabilities.begin(), p.probabilities.end());
        confidence += *top;
        right += model->classes[top - p.probabilities.begin()] == t.label;
      }
      const double accuracy = double(right) / test.size();
      confidence /= test.size();
      INFO("accuracy " << accuracy << ", mean confidence " << confidence);
      CHECK(accuracy < 0.95);
      CHECK(std::fabs(confidence - accuracy) < 0.05);
    }
  }
}
