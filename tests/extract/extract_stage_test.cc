#include <catch2/catch.hpp>

#include "core/stage_registry.h"
#include "facteur/customers.h"
#include "facteur/settings.h"
#include "store/temp_home.h"
#include "testing/fake_run_context.h"

namespace facteur {
namespace {

using NullContext = testing::FakeRunContext;

std::unique_ptr<DocumentStage> Make(const std::string& name, const std::string& yaml) {
  auto settings = Settings::Parse(yaml, "test.yaml");
  REQUIRE(settings);
  const StageFactory* factory = BuiltinStages().Find(name);
  REQUIRE(factory);
  auto stage = (*factory)(*settings);
  REQUIRE(stage);
  auto* doc_stage = dynamic_cast<DocumentStage*>(stage->get());
  REQUIRE(doc_stage);
  stage->release();
  return std::unique_ptr<DocumentStage>(doc_stage);
}

Document Letter() {
  Document doc;
  doc.id = "d1";
  Page page;
  page.text.text =
      "Julien Girard\n41 boulevard Gambetta\n44000 Nantes\n\nRéférence client : CL-446749\n"
      "IBAN : FR76 2004 1279 3942 4022 8234 425\n";
  page.text.words = {
      {"Julien", 100, 50, 60, 20, 95}, {"Girard", 170, 50, 60, 20, 95}, {"IBAN", 100, 400, 50, 20, 95},
      {":", 155, 400, 5, 20, 95},      {"FR76", 170, 400, 50, 20, 95},  {"2004", 225, 400, 50, 20, 95},
      {"1279", 280, 400, 50, 20, 95},  {"3942", 335, 400, 50, 20, 95},  {"4022", 390, 400, 50, 20, 95},
      {"8234", 445, 402, 50, 20, 95},  {"425", 500, 400, 40, 20, 95}};
  doc.pages.push_back(std::move(page));
  return doc;
}

}  // namespace

TEST_CASE("extract.fields fills Document::fields with page and word box", "[extract]") {
  auto stage = Make("extract.fields",
                    "ids:\n  - field: customer_id\n    labels: [Référence client]\n"
                    "    pattern: 'CL-\\d{6}'\n");
  Document doc = Letter();
  NullContext ctx;
  REQUIRE(stage->Run(doc, ctx).ok());
  REQUIRE(doc.fields.count("iban"));
  const Field& iban = doc.fields["iban"];
  CHECK(iban.value == "FR7620041279394240228234425");
  CHECK(iban.page == 0);
  CHECK(iban.box.x == 170);
  CHECK(iban.box.y == 400);
  CHECK(iban.box.w == 370);
  CHECK(iban.box.h == 22);
  CHECK(doc.fields["customer_id"].value == "CL-446749");
  CHECK(doc.fields["customer_id"].box.empty());  // its word is not in the boxes
  CHECK(doc.fields["sender_name"].box.w == 130);
  CHECK(doc.events.back().stage == "extract.fields");
}

TEST_CASE("match.customer records the customer with its score from the directory of its home", "[extract]") {
  testing::TempHome home;
  {
    auto dir = OpenSqliteCustomers(home.path());
    REQUIRE(dir);
    REQUIRE((*dir)->Put({{"CL-446749", "Julien Girard", "44000", "", "", {"CT-23065859"}}}).ok());
  }
  auto extract = Make("extract.fields",
                      "ids:\n  - field: customer_id\n    labels: [Référence client]\n"
                      "    pattern: 'CL-\\d{6}'\n");
  auto match = Make("match.customer", "home: '" + home.path() + "'\n");
  Document doc = Letter();
  NullContext ctx;
  REQUIRE(extract->Run(doc, ctx).ok());
  REQUIRE(match->Run(doc, ctx).ok());
  REQUIRE(doc.fields.count("customer"));
  CHECK(doc.fields["customer"].value == "CL-446749");
  CHECK(doc.fields["customer"].confidence > 0.95);
  CHECK(doc.events.back().message.find("by customer_id") != std::string::npos);

  Document stranger;
  stranger.pages.emplace_back();
  stranger.pages[0].text.text = "Madame, Monsieur,\nje vous écris.\n";
  REQUIRE(match->Run(stranger, ctx).ok());
  CHECK_FALSE(stranger.fields.count("customer"));
}

TEST_CASE("match.customer refuses unknown settings", "[extract]") {
  auto settings = Settings::Parse("min_scor: 0.5\n", "test.yaml");
  auto stage = (*BuiltinStages().Find("match.customer"))(*settings);
  REQUIRE_FALSE(stage);
  CHECK(stage.error().message() == "test.yaml:1: match.customer: unknown setting 'min_scor'");
}

}  // namespace facteur
