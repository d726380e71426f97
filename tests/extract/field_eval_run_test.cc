// Field evaluation over a generated corpus; hidden ([.]), run by hand:
//
//   build/tools/facteur-samplegen --out /tmp/letters --seed 7 --count 400 --variant mixed
//   FACTEUR_FIELD_EVAL_DIR=/tmp/letters build/facteur_tests "[extract-eval]"
//       scores the extractor on each NAME.txt (the printed text) against NAME.json
//   build/facteur run --json --home /tmp/h /tmp/letters > /tmp/run.jsonl
//   FACTEUR_FIELD_EVAL_RUN=/tmp/run.jsonl build/facteur_tests "[extract-eval]"
//       scores the fields of facteur's own output (OCR) against NAME.json
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "extract/field_eval.h"
#include "extract/field_extractor.h"
#include "extract/text_scan.h"
#include "facteur/settings.h"
#include "testing/corpus.h"

namespace facteur::extract {
namespace {

using facteur::testing::Slurp;

FieldExtractor DefaultExtractor() {
  const std::string path = testing::SourcePath("pipelines/default.yaml");
  auto all = Settings::Parse(Slurp(path), path);
  REQUIRE(all);
  Settings section;
  auto stages = all->Items("stages");
  REQUIRE(stages);
  for (const Settings& s : *stages)
    if (s.Has("extract.fields")) section = *s.Child("extract.fields");
  auto config = ParseExtractConfig(section);
  REQUIRE(config);
  return *FieldExtractor::Make(*config);
}

void Print(const FieldReport& report, const char* what) {
  std::cout << what << "\n" << FormatFieldReport(report);
  const char* show = std::getenv("FACTEUR_FIELD_EVAL_MISTAKES");
  size_t n = show ? std::strtoul(show, nullptr, 10) : 20;
  for (size_t i = 0; i < report.mistakes.size() && i < n; ++i)
    std::cout << "  " << report.mistakes[i] << "\n";
}

}  // namespace

TEST_CASE("Field evaluation over a generated folder of letters", "[.][extract-eval]") {
  const char* dir = std::getenv("FACTEUR_FIELD_EVAL_DIR");
  const char* run = std::getenv("FACTEUR_FIELD_EVAL_RUN");
  REQUIRE((dir || run));
  if (dir) {
    FieldExtractor fx = DefaultExtractor();
    FieldReport report;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().extension() != ".json") continue;
      auto txt = e.path();
      txt.replace_extension(".txt");
      auto truth = ReadTruthFields(Slurp(e.path()), e.path());
      REQUIRE(truth);
      std::map<std::string, std::string> got;
      for (const auto& [k, v] : fx.Extract(SplitPages(Slurp(txt)))) got[k] = v.found.value;
      ScoreDocument(e.path().filename(), *truth, got, DefaultScoredFields(), report);
    }
    Print(report, "printed text (NAME.txt):");
    CHECK(report.documents > 0);
  }
  if (run) {
    FieldReport report;
    std::istringstream lines(Slurp(run));
    int n = 0;
    for (std::string line; std::getline(lines, line);) {
      if (line.empty()) continue;
      auto parsed = ReadRunLine(line, std::string(run) + ":" + std::to_string(++n));
      REQUIRE(parsed);
      std::filesystem::path truth_path = parsed->source;
      truth_path.replace_extension(".json");
      auto truth = ReadTruthFields(Slurp(truth_path), truth_path);
      if (!truth) continue;
      ScoreDocument(truth_path.filename(), *truth, parsed->fields, DefaultScoredFields(), report);
    }
    Print(report, "facteur run output (OCR):");
    CHECK(report.documents > 0);
  }
}

}  // namespace facteur::extract
