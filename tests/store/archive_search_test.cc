// Issue 7: search filters, listing by filter, stemming and hostile queries.
#include <algorithm>

#include <catch2/catch.hpp>

#include "facteur/store.h"
#include "store/light_stem.h"
#include "store/temp_home.h"

namespace facteur {
namespace {

using testing::TempHome;
using testing::TextDocument;
using V = std::vector<std::string>;

V SortedIds(const Result<std::vector<SearchHit>>& hits) {
  REQUIRE(hits.has_value());
  V ids;
  for (const SearchHit& h : *hits) ids.push_back(h.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

class ArchiveFixture {
 protected:
  ArchiveFixture() : store_(OpenSqliteStore(home_.path()).value()) {
    Add("a", "Je souhaite résilier mon contrat d'assurance habitation.", "termination", Channel::kBatch,
        "2024-03-01T09:00:00Z", DocStatus::kDone, {"customer_id", "CU-0001"}, {"contract_number", "HAB-77"},
        {"claims"});
    Add("b", "Nous confirmons la résiliation de votre contrat au 31 mars.", "termination", Channel::kFax,
        "2024-03-15T10:00:00Z", DocStatus::kReview, {"customer_id", "CU-0002"}, {"contract_number", "AUTO-9"},
        {"retention"});
    Add("c", "Veuillez trouver ci-joint nos factures du trimestre.", "invoice", Channel::kFolder,
        "2025-01-10T08:30:00Z", DocStatus::kDone, {"customer_id", "cu-0001"}, {"iban", "FR76 3000"}, {"billing"});
  }
  void Add(const std::string& id, const std::string& text, const std::string& label, Channel channel,
           const std::string& received, DocStatus status, std::pair<std::string, std::string> f1,
           std::pair<std::string, std::string> f2, V queues) {
    Document doc = TextDocument(id, text);
    doc.classification.label = label;
    doc.source.channel = channel;
    doc.source.received = received;
    doc.status = status;
    doc.fields[f1.first] = Field{.value = f1.second, .confidence = 0.9, .page = 0};
    doc.fields[f2.first] = Field{.value = f2.second, .confidence = 0.9, .page = 0};
    doc.queues = queues;
    REQUIRE(store_->Put(doc).ok());
  }
  V Find(SearchQuery q) { return SortedIds(store_->Search(q)); }

  TempHome home_;
  std::unique_ptr<Store> store_;
};

TEST_CASE("LightStem folds accents and strips one French or English ending", "[archive]") {
  using store::LightStem;
  CHECK(LightStem("résilier") == "resil");
  CHECK(LightStem("Résiliation") == "resili");
  CHECK(LightStem("RÉSILIÉ") == "resili");
  CHECK(LightStem("factures") == "factur");
  CHECK(LightStem("facturation") == "factur");
  CHECK(LightStem("payments") == "payment");
  CHECK(LightStem("contrat") == "contrat");
  CHECK(LightStem("les") == "");      // too short to stem
  CHECK(LightStem("2024") == "");     // digits are kept whole
  CHECK(LightStem("œuvre") == "");    // the tokenizer keeps œ, a folded prefix would miss it
}

TEST_CASE_METHOD(ArchiveFixture, "Stemmed search finds relatives across accents, exact search does not", "[archive]") {
  CHECK(Find({.text = "résilier", .stem = true}) == V{"a", "b"});
  CHECK(Find({.text = "RESILIATION", .stem = true}) == V{"a", "b"});
  CHECK(Find({.text = "facturation", .stem = true}) == V{"c"});
  CHECK(Find({.text = "résilier"}) == V{"a"});
  CHECK(Find({.text = "\"résilier mon\"", .stem = true}) == V{"a"});  // phrases stay exact
}

TEST_CASE_METHOD(ArchiveFixture, "Each filter narrows the hits, with or without query text", "[archive]") {
  CHECK(Find({.text = "contrat", .label = "termination"}) == V{"a", "b"});
  CHECK(Find({.label = "invoice"}) == V{"c"});
  CHECK(Find({.customer = "CU-0001"}) == V{"a", "c"});  // case ignored: "cu-0001"
  CHECK(Find({.contract = "auto-9"}) == V{"b"});
  CHECK(Find({.from = "2024-03-02"}) == V{"b", "c"});
  CHECK(Find({.to = "2024-03-15"}) == V{"a", "b"});
  CHECK(Find({.from = "2024-03-15", .to = "2024-03-15"}) == V{"b"});
  CHECK(Find({.queue = "billing"}) == V{"c"});
  CHECK(Find({.status = "review"}) == V{"b"});
  CHECK(Find({.channel = "fax"}) == V{"b"});
  CHECK(Find({.fields = {{"iban", "fr76 3000"}}}) == V{"c"});
  CHECK(Find({.text = "contrat", .stem = true, .customer = "CU-0001", .status = "done"}) == V{"a"});
  CHECK(Find({.text = "contrat", .channel = "folder"}).empty());
}

TEST_CASE_METHOD(ArchiveFixture, "Listing by filter is newest first and pages; Count ignores paging", "[archive]") {
  auto all = store_->Search({.limit = 2, .from = "2000-01-01"});
  REQUIRE(all.has_value());
  REQUIRE(all->size() == 2);
  CHECK((*all)[0].id == "c");
  CHECK((*all)[0].received == "2025-01-10T08:30:00Z");
  CHECK((*all)[0].snippet.find("factures") != std::string::npos);
  auto next = store_->Search({.limit = 2, .offset = 2, .from = "2000-01-01"});
  REQUIRE(next.has_value());
  REQUIRE(next->size() == 1);
  CHECK((*next)[0].id == "a");
  CHECK(store_->Count({.text = "contrat", .limit = 1}).value() == 2);
  CHECK(store_->Count({.customer = "CU-0001"}).value() == 2);
}

TEST_CASE_METHOD(ArchiveFixture, "Bad filters and hostile queries give a clean error or a safe result", "[archive]") {
  auto bad = [&](SearchQuery q, const std::string& words) {
    auto r = store_->Search(q);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code() == Status::Code::kInvalidArgument);
    CHECK(r.error().message().find(words) != std::string::npos);
  };
  bad({.from = "2024-13-01"}, "--from '2024-13-01' is not a date");
  bad({.status = "lost"}, "--status 'lost' is not one of done, review");
  bad({.channel = "pigeon"}, "--source 'pigeon'");
  bad({}, "search: empty query ''");
  bad({.text = "\"unterminated"}, "cannot parse query");
  for (std::string hostile : {"'; DROP TABLE documents; --", "NEAR(", "*", "contrat\" OR \"1\"=\"1", "a) OR (b",
                              "text:*", "^", "\"\"\"", "OR"}) {
    for (bool stem : {false, true}) {
      auto r = store_->Search({.text = hostile, .stem = stem});
      INFO(hostile);
      if (!r) CHECK(r.error().code() == Status::Code::kInvalidArgument);
    }
  }
  // Filter values are bound, never spliced: quotes are just text.
  CHECK(Find({.label = "x' OR '1'='1"}).empty());
  CHECK(Find({.fields = {{"x') OR 1=1 --", "y"}}}).empty());
  CHECK(store_->Count({.label = "invoice"}).value() == 1);  // the table is still there
}

}  // namespace
}  // namespace facteur
