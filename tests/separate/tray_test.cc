// A generated 40-page tray (12 letters, patch T sheets, blank backs, a
// 3-page letter) through a pipeline without OCR, and through `facteur run`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "facteur/pipeline.h"
#include "facteur/store.h"
#include "separate/tray.h"
#include "testing/cli.h"
#include "testing/temp_dir.h"

using namespace facteur;
using namespace facteur::testing;

namespace {

const char kPipeline[] = R"(name: tray
version: 1
stages:
  - import: {}
  - separate.detect: {}
  - cleanup.blank: {}
  - separate.split: {SPLIT}
)";

std::string PipelineYaml(const std::string& split) {
  std::string yaml = kPipeline;
  yaml.replace(yaml.find("{SPLIT}"), 7, split);
  return yaml;
}

// Letter page counts; a `between` sheet between letters and, with patch T
// sheets, a blank back after some pages: 19 letter pages + 11 sheets + 10
// blank backs = 40 pages. `expected` gets each letter's pages (0-based).
std::vector<TraySheet> Tray(SheetKind between, std::vector<std::vector<int>>* expected = nullptr) {
  const int pages[12] = {1, 2, 1, 3, 2, 1, 2, 1, 1, 2, 1, 2};
  std::vector<TraySheet> sheets;
  int backs = 0;
  for (int letter = 0; letter < 12; ++letter) {
    if (letter > 0) sheets.push_back(TraySheet{between, 0});
    if (expected) expected->emplace_back();
    for (int p = 0; p < pages[letter]; ++p) {
      if (expected) expected->back().push_back(static_cast<int>(sheets.size()));
      sheets.push_back(TraySheet{SheetKind::kLetter, letter});
      if (between == SheetKind::kPatchT && backs < 10 && (letter + p) % 2 == 0) {
        sheets.push_back(TraySheet{SheetKind::kBlank, 0});
        ++backs;
      }
    }
  }
  return sheets;
}

struct Seen {
  std::string id;
  std::vector<int> pages;
  DocStatus status;
  std::map<std::string, std::string> context;
  std::string events;  // one per line, for failure messages
};

std::vector<Seen> RunTray(const std::string& tray, const std::string& split, const TempDir& dir) {
  auto pipeline = ParsePipeline(PipelineYaml(split), "tray.yaml");
  REQUIRE(pipeline.has_value());
  auto store = OpenSqliteStore(dir.File("home"));
  REQUIRE(store.has_value());
  RunOptions options;
  options.jobs = 2;
  options.work_dir = dir.File("work");
  options.context["batch_id"] = "TRAY-7";
  std::vector<Seen> seen;
  auto summary = RunPipeline(*pipeline, **store, {tray}, options, [&](const Document& doc) {
    Seen s{doc.id, {}, doc.status, doc.source.context};
    for (const Page& p : doc.pages) s.pages.push_back(p.source_index);
    for (const Event& e : doc.events) s.events += e.stage + ": " + e.message + "\n";
    seen.push_back(s);
  }, nullptr);
  REQUIRE(summary.has_value());
  // The runner reports split-off parts before the part that stays.
  std::sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) { return a.pages < b.pages; });
  return seen;
}

}  // namespace

TEST_CASE("A 40-page tray of 12 letters with patch T sheets splits exactly", "[separate]") {
  TempDir dir;
  std::vector<std::vector<int>> expected;
  std::vector<TraySheet> sheets = Tray(SheetKind::kPatchT, &expected);
  REQUIRE(sheets.size() == 40);
  REQUIRE(WriteTray(dir.File("tray.tif"), sheets));
  std::vector<Seen> docs = RunTray(dir.File("tray.tif"), "{}", dir);
  REQUIRE(docs.size() == 12);
  for (size_t k = 0; k < docs.size(); ++k) {
    INFO("letter " << k + 1 << "\n" << docs[k].events);
    CHECK(docs[k].pages == expected[k]);
    CHECK(docs[k].status == DocStatus::kDone);
    CHECK(docs[k].context["batch_id"] == "TRAY-7");
    CHECK(docs[k].context["batch.part"] == std::to_string(k + 1) + "/12");
  }
  CHECK(docs[3].pages.size() == 3);
}

TEST_CASE("Blank sheets separate letters when blank_separates is on", "[separate]") {
  TempDir dir;
  std::vector<std::vector<int>> expected;
  std::vector<TraySheet> sheets = Tray(SheetKind::kBlank, &expected);
  REQUIRE(WriteTray(dir.File("tray.tif"), sheets));
  std::vector<Seen> docs = RunTray(dir.File("tray.tif"), "{blank_separates: true}", dir);
  REQUIRE(docs.size() == 12);
  for (size_t k = 0; k < docs.size(); ++k) CHECK(docs[k].pages == expected[k]);
  // Off (the default), blank pages are only dropped.
  TempDir other;
  docs = RunTray(dir.File("tray.tif"), "{}", other);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].pages.size() == 19);
}

TEST_CASE("A duplex tray keeps written backs with their front and drops blank backs", "[separate]") {
  // Front/back pairs: letter 1 recto-verso; a patch T sheet with a blank
  // back; letter 2 on three sides (blank back, then recto-verso); a patch T
  // sheet whose back carries printed instructions; letter 3, blank back.
  using K = SheetKind;
  const std::vector<TraySheet> sheets = {{K::kLetter, 1}, {K::kLetter, 1}, {K::kPatchT, 0}, {K::kBlank, 0},
                                         {K::kLetter, 2}, {K::kBlank, 0},  {K::kLetter, 2}, {K::kLetter, 2},
                                         {K::kPatchT, 0}, {K::kLetter, 20}, {K::kLetter, 3}, {K::kBlank, 0}};
  TempDir dir;
  REQUIRE(WriteTray(dir.File("duplex.tif"), sheets));
  std::vector<Seen> docs = RunTray(dir.File("duplex.tif"), "{duplex: true}", dir);
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].pages == std::vector<int>{0, 1});
  CHECK(docs[1].pages == std::vector<int>{4, 6, 7});
  CHECK(docs[2].pages == std::vector<int>{10});
  for (const Seen& d : docs) CHECK(d.status == DocStatus::kDone);
  CHECK(docs[2].events.find("page 10: back of the separator sheet, dropped") != std::string::npos);
  // Without duplex the separator's written back side starts letter 3.
  TempDir other;
  docs = RunTray(dir.File("duplex.tif"), "{}", other);
  REQUIRE(docs.size() == 3);
  CHECK(docs[2].pages == std::vector<int>{9, 10});
}

TEST_CASE("facteur run prints one record per letter with batch options", "[separate][cli]") {
  TempDir dir;
  std::vector<TraySheet> sheets = Tray(SheetKind::kPatchT);
  sheets.resize(9);  // letters 1-3 and two patch T sheets
  REQUIRE(WriteTray(dir.File("tray.tif"), sheets));
  std::ofstream(dir.File("tray.yaml")) << PipelineYaml("{}");
  CliResult run = RunFacteur({"run", "--home", dir.File("home"), "--pipeline", dir.File("tray.yaml"), "--json",
                              "--quiet", "--batch-id", "B-12", "--operator", "ana", "--received", "2026-11-20",
                              dir.File("tray.tif")});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  std::vector<std::string> lines = Lines(run.out);
  REQUIRE(lines.size() == 3);
  Poco::JSON::Parser parser;
  Poco::JSON::Object::Ptr second;
  for (const std::string& line : lines) {
    auto record = parser.parse(line).extract<Poco::JSON::Object::Ptr>();
    if (record->getValue<std::string>("source_pages") == "4-5") second = record;
  }
  REQUIRE(second);
  CHECK(second->getValue<std::string>("source_pages") == "4-5");
  CHECK(second->getValue<int>("pages") == 2);
  CliResult show = RunFacteur({"show", "--home", dir.File("home"), "--json", second->getValue<std::string>("id")});
  CHECK(show.out.find("\"B-12\"") != std::string::npos);
  CHECK(show.out.find("\"ana\"") != std::string::npos);
  CHECK(show.out.find("2026-11-20T00:00:00Z") != std::string::npos);
  CHECK(show.out.find("\"4-5\"") != std::string::npos);  // batch.pages

  CliResult bad = RunFacteur({"run", "--home", dir.File("home"), "--received", "yesterday", dir.File("tray.tif")});
  CHECK(bad.exit_code != 0);
  CHECK(bad.err.find("--received: 'yesterday' is not a date") != std::string::npos);
}
