// `facteur review`: an operator's correction re-routes the record, is
// journaled, and becomes a labelled example `facteur train` reads.
#include <catch2/catch.hpp>

#include <filesystem>

#include "classify/labelled_set.h"
#include "core/hash.h"
#include "facteur/store.h"
#include "route/correction.h"
#include "store/temp_home.h"
#include "testing/cli.h"

namespace facteur {
namespace {

namespace fs = std::filesystem;

const char kPipeline[] = R"(name: review-test
version: 1
stages:
  - import: {}
  - route:
      review_queue: review
      default: [inbox]
      rules:
        - {name: complaints, when: {class: complaint}, to: crm-complaints, priority: 5, due: 48h}
        - {name: contracts, when: {class: termination, fields: {contract: present}}, to: [crm-contracts, archive]}
)";

Document InReview(const std::string& id) {
  Document d = testing::TextDocument(id, "Madame, je conteste la facture du mois de mars.");
  d.source.sha256 = Sha256Hex("original " + id);
  d.source.received = "2026-11-22T17:41:00Z";
  d.status = DocStatus::kReview;
  d.classification = {.label = "other", .confidence = 0.31, .reason = "model: unsure",
                      .candidates = {{"other", 0.31}, {"complaint", 0.29}, {"invoice", 0.2}}};
  d.queues = {"review"};
  d.deliveries = {{.destination = "review"}};
  return d;
}

std::map<std::string, std::string> States(Store& store, const std::string& id) {
  std::map<std::string, std::string> out;
  auto rows = store.ListDeliveries("", id, 100);  // kept: a range-for over *temporary would dangle
  REQUIRE(rows.has_value());
  for (const DeliveryRecord& r : *rows) out[r.destination] = r.state;
  return out;
}

}  // namespace

TEST_CASE("A review correction sets the class and fields and re-routes by the rules", "[route]") {
  testing::TempHome home;
  auto table = route::RouteTableFromPipelineFile(home.Write("p.yaml", kPipeline));
  REQUIRE(table.has_value());
  Document doc = InReview("r1");
  route::Correction c{.label = "termination", .fields = {{"contract", "K-77"}}, .who = "bob",
                      .time = "2026-11-23T09:00:00Z"};
  REQUIRE(route::ApplyCorrection(doc, c, *table).ok());
  CHECK(doc.status == DocStatus::kDone);
  CHECK(doc.classification.label == "termination");
  CHECK(doc.classification.confidence == 1);
  CHECK(doc.classification.candidates.size() == 3);  // the model's guesses stay for the record
  CHECK(doc.fields.at("contract").value == "K-77");
  CHECK(doc.queues == std::vector<std::string>{"crm-contracts", "archive"});
  REQUIRE(doc.events.size() == 2);
  CHECK(doc.events[0].message == "corrected by bob: class other (0.31, review) -> termination; contract: - -> K-77");
  CHECK(doc.events[1].message == "re-routed to crm-contracts, archive (contracts)");

  SECTION("an empty field value removes the field, and the rules see it") {
    Document again = std::move(doc);
    again.events.clear();
    REQUIRE(route::ApplyCorrection(again, {.label = "termination", .fields = {{"contract", ""}}, .who = "bob",
                                           .time = "2026-11-23T09:05:00Z"},
                                   *table).ok());
    CHECK(again.fields.count("contract") == 0);
    CHECK(again.queues == std::vector<std::string>{"inbox"});
  }
  SECTION("failed records and empty classes are refused") {
    Document failed = InReview("r2");
    failed.status = DocStatus::kFailed;
    CHECK(route::ApplyCorrection(failed, c, *table).code() == Status::Code::kInvalidArgument);
    Document empty = InReview("r3");
    CHECK(route::ApplyCorrection(empty, {.label = "", .fields = {}, .who = "bob", .time = c.time}, *table).code() ==
          Status::Code::kInvalidArgument);
  }
}

TEST_CASE("facteur review set re-routes to the new queue folder and saves a training example", "[route][cli]") {
  testing::TempHome home;
  const std::string pipeline = home.Write("p.yaml", kPipeline);
  const std::string h = home.path() + "/h";
  {
    auto store = OpenSqliteStore(h);
    REQUIRE(store.has_value());
    REQUIRE((*store)->Put(InReview("20261122-abc123")).ok());
    REQUIRE((*store)->Put(InReview("20261122-abd456")).ok());
  }
  REQUIRE(testing::RunFacteur({"queue", "deliver", "--home", h, "--pipeline", pipeline}).exit_code == 0);
  CHECK(fs::exists(h + "/out/review/20261122_other_20261122-abc123.json"));

  auto list = testing::RunFacteur({"review", "list", "--home", h});
  REQUIRE(list.exit_code == 0);
  CHECK(list.out.find("20261122-abc123") != std::string::npos);
  CHECK(list.out.find("other 0.31, complaint 0.29, invoice 0.20") != std::string::npos);
  CHECK(list.out.find("2 document(s) in review") != std::string::npos);

  // "20261122-ab" names two documents; "20261122-abc" one.
  auto ambiguous = testing::RunFacteur({"review", "show", "20261122-ab", "--home", h});
  CHECK(ambiguous.exit_code == 2);
  CHECK(ambiguous.err.find("ambiguous") != std::string::npos);
  auto show = testing::RunFacteur({"review", "show", "20261122-abc", "--home", h});
  REQUIRE(show.exit_code == 0);
  CHECK(show.out.find("je conteste la facture") != std::string::npos);

  auto set = testing::RunFacteur({"review", "set", "20261122-abc", "--class", "complaint", "--field",
                                  "customer=C-9", "--field=contract=K-1", "--operator", "alice", "--home", h,
                                  "--pipeline", pipeline});
  INFO(set.err);
  REQUIRE(set.exit_code == 0);
  CHECK(set.out.find("routed to crm-complaints") != std::string::npos);
  auto deliver = testing::RunFacteur({"queue", "deliver", "--home", h, "--pipeline", pipeline});
  REQUIRE(deliver.exit_code == 0);
  CHECK(deliver.out.find("delivered 1,") != std::string::npos);
  const std::string sidecar = h + "/out/crm-complaints/20261122_complaint_20261122-abc123.json";
  REQUIRE(fs::exists(sidecar));
  CHECK(testing::ReadFile(sidecar).find("\"customer\":\"C-9\"") != std::string::npos);

  auto store = OpenSqliteStore(h);
  REQUIRE(store.has_value());
  auto doc = (*store)->Get("20261122-abc123");
  REQUIRE(doc.has_value());
  CHECK(doc->status == DocStatus::kDone);
  CHECK(doc->fields.at("contract").value == "K-1");
  CHECK(States(**store, "20261122-abc123") ==
        std::map<std::string, std::string>{{"crm-complaints", "delivered"}, {"review", "delivered"}});
  auto journal = (*store)->Journal("20261122-abc123");
  REQUIRE(journal.has_value());
  bool journaled = false;
  for (const JournalEntry& e : *journal) {
    journaled = journaled || (e.stage == "review" && e.message.find("corrected by alice") != std::string::npos);
  }
  CHECK(journaled);
  // Left review: no longer listed, and the other one still is.
  auto after = testing::RunFacteur({"review", "list", "--home", h});
  CHECK(after.out.find("20261122-abc123") == std::string::npos);
  CHECK(after.out.find("1 document(s) in review") != std::string::npos);

  auto examples = LoadLabelledFolders({h + "/training"});
  REQUIRE(examples.has_value());
  REQUIRE(examples->size() == 1);
  CHECK((*examples)[0].label == "complaint");
  CHECK((*examples)[0].kind == "text");
  CHECK(testing::ReadFile((*examples)[0].text).find("je conteste la facture") != std::string::npos);
}

}  // namespace facteur
