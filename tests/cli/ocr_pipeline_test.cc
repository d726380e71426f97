// The default pipeline end to end with real Tesseract on the repository's
// samples: classes, accent-insensitive search, text, searchable PDFs.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "core/files.h"
#include "testing/cli.h"
#include "testing/corpus.h"
#include "testing/pdf_text.h"

using namespace facteur::testing;
namespace fs = std::filesystem;

namespace {

Poco::JSON::Object::Ptr Parse(const std::string& text) {
  Poco::JSON::Parser parser;
  return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace

TEST_CASE("The default pipeline reads, classifies and indexes every sample", "[cli][tesseract]") {
  TempDir home;
  CliResult run = RunFacteur({"run", "--home", home.path(), "--jobs", "2", "--json", SourcePath("samples")});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);

  std::map<std::string, Poco::JSON::Object::Ptr> by_file;
  for (const std::string& line : Lines(run.out)) {
    auto rec = Parse(line);
    by_file[fs::path(rec->getValue<std::string>("source")).filename().string()] = rec;
  }
  REQUIRE(by_file.size() == 6);
  for (const auto& [file, rec] : by_file) {
    auto truth = Parse(facteur::ReadFile(SourcePath("samples/" + fs::path(file).stem().string() + ".json")).value());
    INFO(file);
    CHECK(rec->getValue<std::string>("class") == truth->getValue<std::string>("class"));
    CHECK(rec->getValue<int>("pages") == truth->getValue<int>("pages"));
    CHECK(rec->getValue<std::string>("status") != "failed");

    // The searchable PDF has one page per page, with a text layer.
    std::string id = rec->getValue<std::string>("id");
    auto pdf = ReadPdfPages(home.path() + "/documents/" + id + ".pdf");
    CHECK(static_cast<int>(pdf.size()) == truth->getValue<int>("pages"));
    CHECK_FALSE(pdf.empty());
    if (!pdf.empty()) CHECK(pdf[0].text.size() > 200);
  }

  // Search is accent- and case-insensitive.
  {
    std::string termination_id = by_file["fr-termination-scan.png"]->getValue<std::string>("id");
    for (const char* query : {"resiliation", "RÉSILIATION", "résili*"}) {
      CliResult hits = RunFacteur({"search", "--home", home.path(), "--json", query});
      INFO(query << ": " << hits.out << hits.err);
      REQUIRE(hits.exit_code == 0);
      CHECK_THAT(hits.out, Catch::Contains("\"id\":\"" + termination_id + "\""));
      CHECK_THAT(hits.out, Catch::Contains("["));  // the snippet marks the hit
    }
  }

  // show --text prints the pages in order.
  {
    std::string id = by_file["fr-address-change-2p.pdf"]->getValue<std::string>("id");
    CliResult text = RunFacteur({"show", "--home", home.path(), "--text", id});
    REQUIRE(text.exit_code == 0);
    auto ff = text.out.find('\f');
    REQUIRE(ff != std::string::npos);  // two pages
    CHECK(Lower(text.out).find("adresse") != std::string::npos);
  }

  // Running the same folder again finds only duplicates.
  {
    CliResult again = RunFacteur({"run", "--home", home.path(), "--json", SourcePath("samples")});
    REQUIRE(again.exit_code == 0);
    for (const std::string& line : Lines(again.out))
      CHECK(Parse(line)->getValue<std::string>("status") == "duplicate");
  }
}

TEST_CASE("A blank fax and a 32x2 fax strip are records in review, not failures", "[cli][tesseract]") {
  TempDir home;
  CliResult run = RunFacteur({"run", "--home", home.path(), "--json", CorpusPath("fax/1pagefax.tif"),
                              CorpusPath("fax/testfax3_bug_513.tiff")});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  auto lines = Lines(run.out);
  REQUIRE(lines.size() == 2);
  for (const std::string& line : lines) {
    auto rec = Parse(line);
    CHECK(rec->getValue<std::string>("status") == "review");
    CHECK(ReadPdfPages(home.path() + "/documents/" + rec->getValue<std::string>("id") + ".pdf").size() == 1);
  }
}
