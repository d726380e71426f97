// ProcessLabelled on ground-truth text: classify, extract and match stages
// with the throw-away store as their home (eval --customers).
#include <catch2/catch.hpp>

#include "classify/labelled_set.h"
#include "cli/labelled_docs.h"
#include "facteur/pipeline.h"
#include "testing/corpus.h"
#include "testing/temp_dir.h"

namespace facteur {
namespace {

const char kLetter[] =
    "Julien Girard\n12 rue Victor Hugo\n44000 Nantes\nRéférence client : CL-446749\n"
    "N° de contrat : CT-23065859\nObjet : Résiliation du contrat n° CT-23065859\nMadame, Monsieur,\n"
    "Je vous informe de ma décision de résilier le contrat n° CT-23065859 avec effet au 1er mars 2027.\n"
    "Je vous prie d'agréer mes salutations distinguées.\nJulien Girard\n";

}  // namespace

TEST_CASE("Labelled text letters are matched to the customers given for the run", "[cli]") {
  testing::TempDir dir;
  dir.Write("a.txt", kLetter);
  dir.Write("a.json", R"({"class": "termination", "fields": {"customer_id": "CL-446749"}})");
  auto files = LoadLabelledFolders({dir.path()});
  REQUIRE(files.has_value());
  REQUIRE(files->size() == 1);
  auto pipeline = LoadPipeline(testing::SourcePath("pipelines/default.yaml"));
  REQUIRE(pipeline.has_value());
  LabelledRunOptions options{.progress = false};
  SECTION("with a customer directory, the letter is attached to its customer") {
    options.customers = {Customer{.id = "CL-446749", .name = "Julien Girard", .postcode = "44000",
                                  .contract_ids = {"CT-23065859"}}};
    auto docs = ProcessLabelled(*pipeline, *files, options);
    REQUIRE(docs.has_value());
    const Document& d = (*docs)[0];
    INFO(d.error);
    REQUIRE(d.status != DocStatus::kFailed);
    CHECK(d.classification.label == "termination");
    REQUIRE(d.fields.count("customer") == 1);
    CHECK(d.fields.at("customer").value == "CL-446749");
  }
  SECTION("without one, the letter is classified and matched to no one") {
    auto docs = ProcessLabelled(*pipeline, *files, options);
    REQUIRE(docs.has_value());
    const Document& d = (*docs)[0];
    INFO(d.error);
    CHECK(d.status != DocStatus::kFailed);
    CHECK(d.fields.count("customer") == 0);
  }
}

}  // namespace facteur
