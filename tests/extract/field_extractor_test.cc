#include "extract/field_extractor.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/stage_registry.h"
#include "extract/field_eval.h"
#include "extract/text_scan.h"
#include "facteur/settings.h"
#include "testing/corpus.h"

namespace facteur::extract {
namespace {

using facteur::testing::Slurp;

// The extract.fields section of pipelines/default.yaml.
Settings DefaultSection() {
  const std::string path = testing::SourcePath("pipelines/default.yaml");
  auto all = Settings::Parse(Slurp(path), path);
  REQUIRE(all);
  auto stages = all->Items("stages");
  REQUIRE(stages);
  for (const Settings& s : *stages)
    if (s.Has("extract.fields")) return *s.Child("extract.fields");
  FAIL("no extract.fields stage in " << path);
  return Settings();
}

FieldExtractor DefaultExtractor() {
  auto config = ParseExtractConfig(DefaultSection());
  REQUIRE(config);
  auto fx = FieldExtractor::Make(*config);
  REQUIRE(fx);
  return *fx;
}

std::map<std::string, std::string> Values(const std::map<std::string, PageFound>& found) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : found) out[k] = v.found.value;
  return out;
}

}  // namespace

TEST_CASE("The extractor reads every field of the samples' ground truth from their text", "[extract]") {
  FieldExtractor fx = DefaultExtractor();
  FieldReport report;
  for (const auto& entry : std::filesystem::directory_iterator(testing::SourcePath("samples"))) {
    if (entry.path().extension() != ".json") continue;
    std::filesystem::path txt = entry.path();
    txt.replace_extension(".txt");
    auto truth = ReadTruthFields(Slurp(entry.path()), entry.path());
    REQUIRE(truth);
    auto found = fx.Extract(SplitPages(Slurp(txt)));
    ScoreDocument(entry.path().filename(), *truth, Values(found), DefaultScoredFields(), report);
  }
  for (const std::string& m : report.mistakes) UNSCOPED_INFO(m);
  INFO(FormatFieldReport(report));
  CHECK(report.documents == 6);
  CHECK(report.total.tp == 38);
  CHECK(report.total.fn == 0);
  // The invoice's truth records the supplier's printed address as its
  // sender_address, so no field is wrong.
  CHECK(report.mistakes.empty());
}

TEST_CASE("The extractor reads the sample fax's header, phone, subject and postcode", "[extract]") {
  FieldExtractor fx = DefaultExtractor();
  auto found = fx.Extract(SplitPages(Slurp(testing::SourcePath("samples/fr-bank-details-fax.txt"))));
  auto v = Values(found);
  CHECK(v["fax_sender"] == "+33475166629");
  CHECK(v["phone"] == "+33768478525");
  CHECK(v["postcode"] == "44000");
  CHECK(v["subject"] ==
        "Changement de coordonn\xC3\xA9"
        "es bancaires");
  CHECK(v["date"] == "2026-11-26");
  CHECK(found["iban"].found.confidence > 0.95);
  CHECK(found["iban"].page == 0);
}

TEST_CASE("extract.fields settings errors name the file and line", "[extract]") {
  auto bad = Settings::Parse("ids:\n  - field: customer_id\n    pattern: 'CL-(\\d'\n", "p.yaml");
  REQUIRE(bad);
  auto config = ParseExtractConfig(*bad);
  REQUIRE_FALSE(config);
  CHECK(config.error().message().rfind("p.yaml:", 0) == 0);
  auto unknown = Settings::Parse("idz: []\n", "p.yaml");
  auto c2 = ParseExtractConfig(*unknown);
  REQUIRE_FALSE(c2);
  CHECK(c2.error().message() == "p.yaml:1: extract.fields: unknown setting 'idz'");
}

TEST_CASE("SameFieldValue compares amounts by number and names without accents or punctuation", "[extract]") {
  CHECK(SameFieldValue("amount", "430.68", "430.68 GBP"));
  CHECK_FALSE(SameFieldValue("amount", "430.68", "430.60 GBP"));
  CHECK(SameFieldValue("sender_address", "41 boulevard Gambetta, 44000 Nantes",
                       "41 Boulevard Gambetta 44000 Nantes"));
  CHECK(SameFieldValue("sender_name", "H\xC3\xA9l\xC3\xA8ne Lambert", "Helene Lambert"));
  CHECK_FALSE(SameFieldValue("iban", "FR76", "fr76"));
}

}  // namespace facteur::extract
