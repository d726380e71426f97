#include <catch2/catch.hpp>

#include "facteur/store.h"
#include "store/temp_home.h"

namespace facteur {
namespace {

Document Routed(const std::string& id, std::vector<std::string> queues) {
  Document d;
  d.id = id;
  d.source.path = "/in/" + id + ".tif";
  d.source.sha256 = std::string(64, 'a');
  d.source.format = "tiff";
  d.source.received = "2026-11-22T17:41:00Z";
  d.classification.label = "complaint";
  for (const std::string& q : queues) {
    d.queues.push_back(q);
    d.deliveries.push_back({.destination = q, .priority = 5, .due = "2026-11-24T17:41:00Z"});
  }
  return d;
}

std::map<std::string, std::string> States(Store& store, const std::string& id) {
  std::map<std::string, std::string> out;
  auto rows = store.ListDeliveries("", id, 100);
  REQUIRE(rows.has_value());
  for (const DeliveryRecord& r : *rows) out[r.destination] = r.state;
  return out;
}

}  // namespace

TEST_CASE("The outbox is written with the record and survives a reopen", "[route]") {
  testing::TempHome home;
  {
    auto store = OpenSqliteStore(home.path());
    REQUIRE(store.has_value());
    REQUIRE((*store)->Put(Routed("d1", {"crm-complaints", "archive"})).ok());
    // A Put that fails (its PDF is missing) leaves no delivery behind.
    Document bad = Routed("d2", {"crm-complaints"});
    bad.pdf_path = home / "missing.pdf";
    REQUIRE_FALSE((*store)->Put(bad).ok());
  }
  auto store = OpenSqliteStore(home.path());
  REQUIRE(store.has_value());
  Store& s = **store;
  CHECK(States(s, "d1") == std::map<std::string, std::string>{{"archive", "pending"}, {"crm-complaints", "pending"}});
  CHECK(States(s, "d2").empty());
  auto doc = s.Get("d1");
  REQUIRE(doc.has_value());
  REQUIRE(doc->deliveries.size() == 2);
  CHECK(doc->deliveries[0].destination == "crm-complaints");
  CHECK(doc->deliveries[0].due == "2026-11-24T17:41:00Z");

  auto claimed = s.ClaimDeliveries(INT64_MAX / 2, 1000, 10);
  REQUIRE(claimed.has_value());
  REQUIRE(claimed->size() == 2);
  // Claimed rows are not claimed again until their lease runs out.
  CHECK(s.ClaimDeliveries(INT64_MAX / 2, 1000, 10)->empty());
  CHECK(s.ClaimDeliveries(INT64_MAX / 2 + 2000, 1000, 10)->size() == 2);
  REQUIRE(s.FinishDelivery("d1", "crm-complaints", {DeliveryOutcome::Kind::kDelivered, 0, "ok"}).ok());
  REQUIRE(s.FinishDelivery("d1", "archive", {DeliveryOutcome::Kind::kDead, 0, "HTTP 400"}).ok());
  CHECK(s.FinishDelivery("d1", "archive", {DeliveryOutcome::Kind::kDead, 0, "again"}).code() ==
        Status::Code::kNotFound);

  SECTION("re-storing the record never re-sends what was delivered") {
    auto fresh = s.Get("d1");  // with the delivery events
    REQUIRE(s.Put(*fresh).ok());
    CHECK(States(s, "d1") == std::map<std::string, std::string>{{"archive", "dead"}, {"crm-complaints", "delivered"}});
    auto events = s.Get("d1")->events;
    REQUIRE(events.size() >= 2);
    CHECK(events.back().stage == "deliver");
  }
  SECTION("a re-route cancels the undelivered destinations") {
    REQUIRE(s.Put(Routed("d1", {"crm-complaints", "review"})).ok());
    CHECK(States(s, "d1") == std::map<std::string, std::string>{
                                 {"archive", "cancelled"}, {"crm-complaints", "delivered"}, {"review", "pending"}});
  }
  SECTION("retry and replay make rows due again") {
    CHECK(*s.RequeueDeliveries("d1", "", false) == 1);
    CHECK(States(s, "d1")["archive"] == "pending");
    CHECK(*s.RequeueDeliveries("d1", "crm-complaints", true) == 1);
    CHECK(States(s, "d1")["crm-complaints"] == "pending");
    CHECK(s.ListDeliveries("dead", "", 10)->empty());
  }
}

}  // namespace facteur
