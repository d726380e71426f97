// End-to-end tests of the `facteur` binary: the JSON Lines contract,
// duplicates, bad input in a batch, search and show, exit codes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "core/hash.h"
#include "testing/cli.h"
#include "testing/corpus.h"
#include "testing/no_ocr_pipeline.h"

using namespace facteur::testing;
namespace fs = std::filesystem;

namespace {

// Import and classify only: fast, no Tesseract.
Poco::JSON::Object::Ptr ParseLine(const std::string& line) {
  Poco::JSON::Parser parser;
  return parser.parse(line).extract<Poco::JSON::Object::Ptr>();
}

std::vector<Poco::JSON::Object::Ptr> Records(const CliResult& r) {
  std::vector<Poco::JSON::Object::Ptr> out;
  for (const std::string& line : Lines(r.out)) out.push_back(ParseLine(line));
  return out;
}

// path (relative to the corpus) -> expectation, for one folder of index.tsv.
std::map<std::string, std::string> Expectations(const std::string& folder) {
  std::ifstream in(CorpusPath("index.tsv"));
  std::map<std::string, std::string> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string col; std::getline(ss, col, '\t');) cols.push_back(col);
    if (cols.size() >= 5 && cols[0].rfind(folder + "/", 0) == 0) out[cols[0]] = cols[4];
  }
  return out;
}

}  // namespace

TEST_CASE("facteur run --json prints one contract object per document and dedups", "[cli]") {
  TempDir home;
  std::string pipeline = home.Write("no-ocr.yaml", kNoOcrPipeline);
  std::string file = CorpusPath("tiff/g4-multi.tiff");
  std::string copy = home.path() + "/copy-of-g4-multi.tiff";
  fs::copy_file(file, copy);

  CliResult first = RunFacteur({"run", "--home", home.path() + "/h", "--pipeline", pipeline, "--json", file, copy});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  auto records = Records(first);
  REQUIRE(records.size() == 2);
  for (const char* key : {"id", "source", "sha256", "pages", "class", "confidence", "fields", "queues", "status",
                          "error"})
    CHECK(records[0]->has(key));
  CHECK(records[0]->getValue<std::string>("sha256") == facteur::Sha256File(file).value());
  CHECK(records[0]->getValue<int>("pages") == 3);
  CHECK(records[0]->getValue<std::string>("status") == "review");  // no text, no class
  CHECK(records[0]->isNull("error"));
  CHECK(records[0]->isObject("fields"));
  CHECK(records[0]->isArray("queues"));
  // The same bytes under another name, in the same run: a duplicate.
  CHECK(records[1]->getValue<std::string>("status") == "duplicate");
  CHECK(records[1]->getValue<std::string>("duplicate_of") == records[0]->getValue<std::string>("id"));

  // And in a later run.
  CliResult again = RunFacteur({"run", "--home", home.path() + "/h", "--pipeline", pipeline, "--json", file});
  auto again_records = Records(again);
  REQUIRE(again_records.size() == 1);
  CHECK(again_records[0]->getValue<std::string>("status") == "duplicate");
  CHECK(again.exit_code == 0);

  // The original is kept byte for byte.
  CliResult show = RunFacteur({"show", "--home", home.path() + "/h", "--json", records[0]->getValue<std::string>("id")});
  REQUIRE(show.exit_code == 0);
  CHECK_THAT(show.out, Catch::Contains("duplicate submission"));
}

TEST_CASE("facteur run handles every hostile file as index.tsv says and finishes the batch", "[cli][corpus]") {
  TempDir home;
  std::string pipeline = home.Write("no-ocr.yaml", kNoOcrPipeline);
  CliResult r = RunFacteur({"run", "--home", home.path() + "/h", "--pipeline", pipeline, "--json",
                            CorpusPath("bad")});
  INFO(r.err);
  CHECK(r.exit_code == 3);  // some failed, none crashed the run
  auto expected = Expectations("bad");
  auto records = Records(r);
  CHECK(records.size() == expected.size());
  std::string problems;
  for (const auto& rec : records) {
    std::string source = rec->getValue<std::string>("source");
    std::string rel = "bad/" + fs::path(source).filename().string();
    const std::string& want = expected[rel];
    std::string status = rec->getValue<std::string>("status");
    std::string error = rec->isNull("error") ? "" : rec->getValue<std::string>("error");
    int pages = rec->getValue<int>("pages");
    if (status == "failed" && error.find(source) != 0) problems += rel + ": error does not name the file: " + error + "\n";
    if (want.rfind("reject-or-recover", 0) == 0) {
      auto eq = want.find("pages=");
      if (status != "failed" && eq != std::string::npos && pages != std::stoi(want.substr(eq + 6)))
        problems += rel + ": recovered " + std::to_string(pages) + " pages, expected " + want + "\n";
    } else if (want.rfind("reject", 0) == 0) {
      if (status != "failed") problems += rel + ": expected reject, got " + status + "\n";
    } else if (want.rfind("import", 0) == 0) {
      if (status == "failed") problems += rel + ": expected import, got " + error + "\n";
    }
  }
  INFO(problems);
  CHECK(problems.empty());
}

TEST_CASE("facteur reports usage errors with exit code 2 and unknown ids with 4", "[cli]") {
  TempDir home;
  CHECK(RunFacteur({"run"}).exit_code == 2);
  CHECK(RunFacteur({"run", "--jobs", "zero", "x"}).exit_code == 2);
  CHECK(RunFacteur({"frobnicate"}).exit_code == 2);
  std::string bad = home.Write("bad.yaml", "name: b\nstages:\n  - ocr.tesseract5: {}\n");
  CliResult r = RunFacteur({"run", "--home", home.path(), "--pipeline", bad, "x.tif"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("bad.yaml:3: unknown stage 'ocr.tesseract5'"));
  CliResult show = RunFacteur({"show", "--home", home.path(), "0123456789abcdef"});
  CHECK(show.exit_code == 4);
  CliResult search = RunFacteur({"search", "--home", home.path(), "\"unbalanced"});
  CHECK(search.exit_code == 2);
  CHECK_FALSE(search.err.empty());
  for (const char* cmd : {"run", "search", "show", "stages"}) {
    CliResult help = RunFacteur({cmd, "--help"});
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::StartsWith("usage: facteur"));
  }
}

TEST_CASE("facteur run reports a missing input and goes on", "[cli]") {
  TempDir home;
  std::string pipeline = home.Write("no-ocr.yaml", kNoOcrPipeline);
  CliResult r = RunFacteur({"run", "--home", home.path() + "/h", "--pipeline", pipeline, "--json",
                            home.path() + "/nope.tif", CorpusPath("tiff/hopper_g4.tif")});
  CHECK(r.exit_code == 3);
  auto records = Records(r);
  REQUIRE(records.size() == 2);
  CHECK(records[0]->getValue<std::string>("error") == home.path() + "/nope.tif: no such file or folder");
  CHECK(records[1]->getValue<std::string>("status") != "failed");
}
