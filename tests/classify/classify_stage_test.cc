#include <catch2/catch.hpp>

#include <filesystem>

#include "classify/chain_classifier.h"
#include "classify/labelled_set.h"
#include "core/files.h"
#include "facteur/pipeline.h"
#include "testing/default_classify.h"
#include "testing/fake_run_context.h"

using namespace facteur;

namespace {

const std::string kRepo = FACTEUR_SOURCE_DIR;

// The default pipeline's classify section with another model path.
Result<std::unique_ptr<ChainClassifier>> Chain(const std::string& model) {
  auto yaml = ReadFile(kRepo + "/pipelines/default.yaml");
  REQUIRE(yaml.has_value());
  auto root = Settings::Parse(*yaml, kRepo + "/pipelines/default.yaml");
  REQUIRE(root.has_value());
  auto stages = root->Items("stages");
  REQUIRE(stages.has_value());
  for (const Settings& s : *stages) {
    if (!s.Has("classify")) continue;
    auto section = s.Child("classify");
    REQUIRE(section.has_value());
    // Same classes and rules, other model: rebuild the section by hand.
    std::string rebuilt = "model: '" + model + "'\nclasses:\n";
    auto classes = section->Items("classes");
    REQUIRE(classes.has_value());
    for (const Settings& c : *classes) {
      auto kws = c.StringList("keywords");
      REQUIRE(kws.has_value());
      rebuilt += "  - name: " + *c.String("name", "") + "\n    keywords: [";
      for (size_t i = 0; i < kws->size(); ++i) rebuilt += (i ? ", \"" : "\"") + (*kws)[i] + "\"";
      rebuilt += "]\n";
    }
    auto own = Settings::Parse(rebuilt, kRepo + "/pipelines/test.yaml");
    REQUIRE(own.has_value());
    return NewChainClassifier(*own);
  }
  FAIL("no classify stage in pipelines/default.yaml");
  return Err(Status::NotFound(""));
}

Document TextDoc(const std::string& text) {
  Document doc;
  Page page;
  page.text.text = text;
  doc.pages.push_back(std::move(page));
  return doc;
}

}  // namespace

TEST_CASE("The shipped default model classifies the six samples/ letters", "[classify]") {
  auto chain = Chain("models/default.model");
  REQUIRE(chain.has_value());
  REQUIRE((*chain)->has_model());
  auto files = LoadLabelledFolders({kRepo + "/samples"});
  REQUIRE(files.has_value());
  REQUIRE(files->size() == 6);
  for (const LabelledFile& f : *files) {
    INFO(f.text);
    auto text = ReadFile(f.text);
    REQUIRE(text.has_value());
    Classification c = (*chain)->ClassifyText(*text);
    INFO(c.reason);
    CHECK(c.label == f.label);
    CHECK(c.confidence >= 0.8);
    CHECK(c.candidates.size() == 3);
  }
}

TEST_CASE("A letter that fits no class goes to review through the default pipeline", "[classify]") {
  testing::DefaultClassify loaded = testing::LoadDefaultClassify();
  DocumentStage* classify = loaded.stage;
  testing::FakeRunContext ctx;
  SECTION("an invitation") {
    Document doc = TextDoc("Madame, Monsieur,\nNotre association organise un concert de jazz le 12 juin au profit "
                           "des enfants hospitalisés, et serait ravie de vous compter parmi ses invités. Un "
                           "cocktail suivra le concert dans les salons de la mairie.\nAmicalement, Sophie Martin");
    REQUIRE(classify->Run(doc, ctx).ok());
    INFO(doc.classification.reason);
    CHECK(doc.status == DocStatus::kReview);
  }
  SECTION("a page with almost no text") {
    Document doc = TextDoc("~~ |||| ,. 12");
    REQUIRE(classify->Run(doc, ctx).ok());
    CHECK(doc.status == DocStatus::kReview);
    CHECK(doc.classification.label == "other");
    CHECK(doc.classification.reason.find("words known to the model") != std::string::npos);
  }
  SECTION("a clear termination letter is done") {
    Document doc = TextDoc("Madame, Monsieur,\nPar la présente, je vous informe de ma décision de résilier le "
                           "contrat n° CT-2123456 avec effet au 1er mars. Je vous remercie de cesser tout "
                           "prélèvement après cette date.\nVeuillez agréer mes salutations distinguées.");
    REQUIRE(classify->Run(doc, ctx).ok());
    INFO(doc.classification.reason);
    CHECK(doc.classification.label == "termination");
    CHECK(doc.status == DocStatus::kDone);
  }
}

TEST_CASE("A business letter that only describes something gets no confident specific class", "[classify]") {
  // Plain descriptive prose, written for this test (no training wording): it
  // asks for nothing and reports no problem. CCITT_1.TIF is such a letter;
  // its raw score margin of 0.4 once read as "complaint" 0.999.
  testing::DefaultClassify loaded = testing::LoadDefaultClassify();
  DocumentStage* classify = loaded.stage;
  testing::FakeRunContext ctx;
  const char* letters[] = {
      "Dear Anne,\nI would like to tell you about the lighting we fitted in our warehouse last autumn. Each "
      "lamp carries a small detector that dims it when the aisle is empty and brightens it as a forklift "
      "approaches. The lamps report their hours of use to a panel in the foreman's office, so that worn "
      "units are replaced before they fail.\nYou may find the idea useful in your own stores.\nYours "
      "sincerely,\nJ. Harper, Works Engineer",
      "Cher collègue,\nJe voulais vous faire connaître la méthode de mesure que notre équipe emploie pour "
      "contrôler l'épaisseur des tôles. Un faisceau lumineux balaie la tôle pendant son passage et un "
      "récepteur placé de l'autre côté en déduit l'épaisseur au centième de millimètre. Les valeurs sont "
      "enregistrées sur bande et tracées chaque soir.\nCette technique intéressera peut-être votre "
      "atelier.\nBien à vous,\nM. Lefort, ingénieur"};
  for (const char* text : letters) {
    Document doc = TextDoc(text);
    REQUIRE(classify->Run(doc, ctx).ok());
    INFO(doc.classification.reason);
    CHECK(doc.status == DocStatus::kReview);
    CHECK((doc.classification.label == "other" || doc.classification.confidence < 0.7));
  }
}

TEST_CASE("With its model file missing the classify stage falls back to rules and says so", "[classify]") {
  auto chain = Chain("models/no-such.model");
  REQUIRE(chain.has_value());
  CHECK_FALSE((*chain)->has_model());
  Classification c = (*chain)->ClassifyText("Objet : réclamation. Je suis mécontent et je conteste la facture.");
  CHECK(c.label == "complaint");
  CHECK(c.reason.rfind("rules only (model models/no-such.model not found): rules: complaint", 0) == 0);
}

TEST_CASE("A damaged model file is a pipeline error naming the file", "[classify]") {
  const std::string path = std::filesystem::temp_directory_path() / "facteur-bad-test.model";
  { std::FILE* f = std::fopen(path.c_str(), "w"); std::fputs("facteur-text-model 0\n", f); std::fclose(f); }
  auto chain = Chain(path);
  REQUIRE_FALSE(chain.has_value());
  CHECK(chain.error().message().find(path + ":1: model format version 0") != std::string::npos);
  std::filesystem::remove(path);
}
