// Search's plans agree: ranking the newest candidates (pages within
// kRankCandidates) gives the same hits, scores and snippets as ranking every
// match (pages past them), with and without filters and prefixes.
#include <algorithm>

#include <catch2/catch.hpp>

#include "facteur/store.h"
#include "store/search_sql.h"
#include "store/temp_home.h"

namespace facteur {
namespace {

using testing::TempHome;
using testing::TextDocument;

const char* const kFiller[] = {"madame", "objet", "dossier", "courrier", "date", "signature", "adresse", "lettre"};

class PlanFixture {
 protected:
  PlanFixture() : store_(OpenSqliteStore(home_.path()).value()) {
    // 40 letters; letter i says "remboursement" i % 7 times and
    // "contrat" i % 3 times among fillers, so the scores spread and tie.
    for (int i = 0; i < 40; ++i) {
      std::string text;
      for (int w = 0; w < 30 + i % 11; ++w) text += std::string(kFiller[(w * 7 + i) % 8]) + " ";
      for (int k = 0; k < i % 7; ++k) text += "remboursement ";
      for (int k = 0; k < i % 3; ++k) text += "contrat ";
      Document doc = TextDocument("doc" + std::to_string(100 + i), text);
      doc.classification.label = i % 2 ? "claim" : "invoice";
      doc.source.received = "2024-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + "T08:00:00Z";
      doc.queues = {i % 4 ? "billing" : "claims"};
      REQUIRE(store_->Put(doc).ok());
    }
  }
  TempHome home_;
  std::unique_ptr<Store> store_;
};

}  // namespace

TEST_CASE_METHOD(PlanFixture, "Ranking the newest candidates matches ranking every match", "[store]") {
  for (SearchQuery q : {SearchQuery{.text = "remboursement"}, SearchQuery{.text = "rembourse*"},
                        SearchQuery{.text = "remboursement contrat"}, SearchQuery{.text = "contrat", .label = "claim"},
                        SearchQuery{.text = "rembourse*", .from = "2024-03-01", .queue = "billing"}}) {
    CAPTURE(q.text, q.label, q.queue);
    q.limit = 15;
    auto page = store_->Search(q);  // within the candidates
    q.limit = store::kRankCandidates + 1;
    auto every = store_->Search(q);  // past them: every match ranked
    REQUIRE(page.has_value());
    REQUIRE(every.has_value());
    REQUIRE(!page->empty());
    auto count = store_->Count(q);
    REQUIRE(count.has_value());
    CHECK(static_cast<int64_t>(every->size()) == *count);
    for (size_t i = 0; i < page->size(); ++i) {
      CAPTURE(i);
      CHECK((*page)[i].score == Approx((*every)[i].score));
      // Equal scores may come in another order; the same record has the
      // same score and snippet in both.
      auto same = std::find_if(every->begin(), every->end(), [&](const SearchHit& h) { return h.id == (*page)[i].id; });
      REQUIRE(same != every->end());
      CHECK(same->score == Approx((*page)[i].score));
      CHECK(same->snippet == (*page)[i].snippet);
      CHECK((*page)[i].snippet.find('[') != std::string::npos);
      if (i > 0) CHECK((*page)[i - 1].score >= (*page)[i].score);
    }
    // The second page continues the first.
    q.limit = 5;
    q.offset = 15;
    auto next = store_->Search(q);
    REQUIRE(next.has_value());
    for (size_t i = 0; i < next->size() && 15 + i < every->size(); ++i) {
      CHECK((*next)[i].score == Approx((*every)[15 + i].score));
    }
  }
}

TEST_CASE_METHOD(PlanFixture, "A queue filter lists and counts alike, newest first", "[store]") {
  auto count = store_->Count({.queue = "claims"});
  REQUIRE(count.has_value());
  CHECK(*count == 10);
  auto hits = store_->Search({.limit = 50, .queue = "claims"});
  REQUIRE(hits.has_value());
  REQUIRE(hits->size() == 10);
  for (size_t i = 1; i < hits->size(); ++i) CHECK((*hits)[i - 1].received >= (*hits)[i].received);
  CHECK(!(*hits)[0].snippet.empty());
  CHECK(*store_->Count({.text = "contrat", .to = "2024-01-19"}) ==
        *store_->Count({.text = "contrat", .from = "2024-01-01", .to = "2024-01-31"}));
}

}  // namespace facteur
