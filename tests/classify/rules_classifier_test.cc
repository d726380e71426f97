#include <catch2/catch.hpp>

#include "classify/rules_classifier.h"
#include "classify/text_fold.h"

using namespace facteur;

TEST_CASE("FoldText removes accents and case and folds white space", "[classify]") {
  CHECK(FoldText("Résiliation DE MON Contrat") == "resiliation de mon contrat");
  CHECK(FoldText("ŒUVRE  à\u00a0l’été\nFIN") == "oeuvre a l'ete fin");
  CHECK(FoldText("Straße Łódź") == "strasse lodz");
  CHECK(FoldText("\xff\xfe ok") == "\xef\xbf\xbd\xef\xbf\xbd ok");  // bad bytes become U+FFFD, no stop
}

namespace {
RulesClassifier Make(double prior = 1.0) {
  auto settings = Settings::Parse(R"(
classes:
  - {name: termination, keywords: [résiliation, "mettre fin"], patterns: ['resili(er|ation)\b.{0,20}contrat']}
  - {name: complaint, keywords: [réclamation, mécontent]}
prior: )" + std::to_string(prior),
                                  "t.yaml");
  REQUIRE(settings.has_value());
  auto config = ParseRulesConfig(*settings);
  REQUIRE(config.has_value());
  return RulesClassifier(std::move(*config));
}
}  // namespace

TEST_CASE("RulesClassifier picks the class with the most evidence and says why", "[classify]") {
  RulesClassifier c = Make();
  Classification r = c.ClassifyText("Objet : RÉSILIATION\nJe souhaite mettre\nfin à mon contrat. Résiliation du contrat.");
  CHECK(r.label == "termination");
  CHECK(r.confidence > 0.8);
  CHECK_THAT(r.reason, Catch::Contains("'resiliation' x2") && Catch::Contains("'mettre fin'"));
  REQUIRE(r.candidates.size() == 1);
  CHECK(r.candidates[0].label == "termination");
}

TEST_CASE("RulesClassifier shares confidence between classes with similar evidence", "[classify]") {
  RulesClassifier c = Make();
  Classification r = c.ClassifyText("Réclamation : je demande la résiliation.");
  CHECK(r.confidence < 0.5);
  REQUIRE(r.candidates.size() == 2);
  CHECK_THAT(r.reason, Catch::Contains(" over "));
}

TEST_CASE("RulesClassifier answers other with no confidence when nothing fits", "[classify]") {
  Classification r = Make().ClassifyText("Bonjour, voici une lettre sans rapport.");
  CHECK(r.label == "other");
  CHECK(r.confidence == 0);
  CHECK(r.candidates.empty());
}

TEST_CASE("RulesClassifier matches keywords on word boundaries only", "[classify]") {
  Classification r = Make().ClassifyText("irréclamationnable");
  CHECK(r.label == "other");
}

TEST_CASE("A higher prior makes the classifier more cautious", "[classify]") {
  std::string text = "Je suis mécontent.";
  CHECK(Make(4.0).ClassifyText(text).confidence < Make(0.5).ClassifyText(text).confidence);
}
