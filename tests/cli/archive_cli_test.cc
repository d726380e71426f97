// Issue 7 end to end: facteur run, then search filters, verify, checkpoint
// and export through the real binary; the package is checked by sha256sum.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "testing/cli.h"
#include "testing/corpus.h"

using namespace facteur::testing;
namespace fs = std::filesystem;

namespace {

const char kPipeline[] = R"(name: archive-test
version: 7
stages:
  - import: {}
  - classify.rules:
      threshold: 0.5
      classes:
        - {name: termination, keywords: [résiliation]}
)";

// Runs one file through facteur into HOME; returns the record's id.
std::string RunOne(const TempDir& dir, const std::string& home) {
  std::string pipeline = dir.Write("p.yaml", kPipeline);
  CliResult run = RunFacteur({"run", "--home", home, "--pipeline", pipeline, "--json", CorpusPath("tiff/g4-multi.tiff")});
  REQUIRE(run.exit_code == 0);
  std::vector<std::string> lines = Lines(run.out);
  REQUIRE(lines.size() == 1);
  size_t at = lines[0].find("\"id\":\"");
  REQUIRE(at != std::string::npos);
  return lines[0].substr(at + 6, lines[0].find('"', at + 6) - at - 6);
}

}  // namespace

TEST_CASE("facteur search filters by channel and status and counts without a query", "[archive]") {
  TempDir dir;
  std::string home = dir.path() + "/h";
  std::string id = RunOne(dir, home);
  CHECK(RunFacteur({"search", "--home", home, "--count", "--source", "batch"}).out == "1\n");
  CHECK(RunFacteur({"search", "--home", home, "--count", "--source", "fax"}).out == "0\n");
  // No OCR and no keyword: the letter is "other", in review.
  CliResult json = RunFacteur({"search", "--home", home, "--json", "--status", "review", "--from", "2000-01-01"});
  CHECK(json.exit_code == 0);
  CHECK(json.out.find("\"id\":\"" + id + "\"") != std::string::npos);
  CHECK(RunFacteur({"search", "--home", home, "--count", "--status", "done"}).out == "0\n");
  CliResult bad = RunFacteur({"search", "--home", home, "--to", "yesterday"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "facteur search: search: --to 'yesterday' is not a date YYYY-MM-DD\n");
  CHECK(RunFacteur({"search", "--home", home, "'; DROP TABLE documents; --"}).exit_code == 0);
  CHECK(RunFacteur({"search", "--home", home, "--count", "--field", "x'='x=1"}).out == "0\n");
  CHECK(RunFacteur({"search", "--home", home, "--count", "--source", "batch"}).out == "1\n");
}

TEST_CASE("facteur verify passes on a fresh store and names a tampered original", "[archive]") {
  TempDir dir;
  std::string home = dir.path() + "/h";
  std::string id = RunOne(dir, home);
  CliResult show = RunFacteur({"show", "--home", home, "--json", id});
  CHECK(show.out.find("\"pipeline\":\"archive-test\"") != std::string::npos);
  CHECK(show.out.find("\"pipeline_version\":\"7\"") != std::string::npos);

  CliResult ok = RunFacteur({"verify", "--home", home});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.rfind("verified: every record, journal head #", 0) == 0);
  std::string checkpoint = dir.path() + "/head.txt";
  REQUIRE(RunFacteur({"checkpoint", "--home", home, "--to", checkpoint}).exit_code == 0);
  CHECK(RunFacteur({"verify", "--home", home, "--checkpoint", checkpoint}).exit_code == 0);

  for (const auto& entry : fs::recursive_directory_iterator(home + "/objects")) {
    if (!entry.is_regular_file()) continue;
    fs::permissions(entry.path(), fs::perms::owner_write, fs::perm_options::add);
    std::ofstream(entry.path(), std::ios::app) << "x";
  }
  CliResult bad = RunFacteur({"verify", "--home", home, id});
  CHECK(bad.exit_code == 3);
  CHECK(bad.out.rfind("ALTERED " + id + ": original: ", 0) == 0);
  CHECK(bad.out.find("(file altered)") != std::string::npos);
}

TEST_CASE("facteur export writes a package that sha256sum -c accepts", "[archive]") {
  TempDir dir;
  std::string home = dir.path() + "/h";
  std::string id = RunOne(dir, home);
  CliResult exp = RunFacteur({"export", "--home", home, "--to", dir.path() + "/out", id});
  REQUIRE(exp.exit_code == 0);
  std::string pkg = dir.path() + "/out/" + id;
  for (const char* name : {"original.tiff", "record.json", "journal.jsonl", "seal.txt", "SHA256SUMS"}) {
    CHECK(fs::exists(pkg + "/" + name));
  }
  std::string check = "cd '" + pkg + "' && sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1";
  CHECK(std::system(check.c_str()) == 0);
  // The export itself is journaled, and the journal still verifies.
  std::ifstream journal(pkg + "/journal.jsonl");
  std::string text((std::istreambuf_iterator<char>(journal)), std::istreambuf_iterator<char>());
  CHECK(text.find("\"stage\":\"export\"") != std::string::npos);
  CHECK(text.find("\"stage\":\"seal\"") != std::string::npos);
  CHECK(RunFacteur({"verify", "--home", home}).exit_code == 0);
  // A changed file in the package fails the third party's check.
  std::ofstream(pkg + "/record.json", std::ios::app) << " ";
  CHECK(std::system(check.c_str()) != 0);
  // Exporting again into the same place is refused rather than mixed.
  CHECK(RunFacteur({"export", "--home", home, "--to", dir.path() + "/out", id}).exit_code == 2);
}
