#include <algorithm>

#include <catch2/catch.hpp>

#include "facteur/store.h"
#include "store/temp_home.h"

namespace facteur {
namespace {

using testing::TempHome;
using testing::TextDocument;

// Ids in rank order.
std::vector<std::string> Ids(const Result<std::vector<SearchHit>>& hits) {
  REQUIRE(hits.has_value());
  std::vector<std::string> ids;
  for (const SearchHit& h : *hits) ids.push_back(h.id);
  return ids;
}

// Ids in id order, where the ranking is not the point.
std::vector<std::string> SortedIds(const Result<std::vector<SearchHit>>& hits) {
  std::vector<std::string> ids = Ids(hits);
  std::sort(ids.begin(), ids.end());
  return ids;
}

class SearchFixture {
 protected:
  SearchFixture() : store_(OpenSqliteStore(home_.path()).value()) {
    Put("resil", "Madame, Monsieur,\nje demande la Résiliation de mon contrat n° C-42 "
                 "à compter du 2026-10-14. Merci d’écrire à l’adresse jean.dupont@exemple.fr.",
        "termination");
    Put("invoice", "Facture 2026-117\nMontant à régler: 120,00 EUR", "invoice");
    Put("shout", "OBJET: RESILIATION RESILIATION RESILIATION\nLettre recommandée", "termination");
  }
  void Put(const std::string& id, const std::string& text, const std::string& label) {
    Document doc = TextDocument(id, text);
    doc.classification.label = label;
    REQUIRE(store_->Put(doc).ok());
  }
  Result<std::vector<SearchHit>> Find(const std::string& text, int limit = 20, int offset = 0) {
    return store_->Search({.text = text, .limit = limit, .offset = offset});
  }

  TempHome home_;
  std::unique_ptr<Store> store_;
};

TEST_CASE_METHOD(SearchFixture, "Search ignores accents and case", "[store]") {
  using V = std::vector<std::string>;
  // "shout" says it three times, so it ranks first.
  CHECK(Ids(Find("resiliation")) == V{"shout", "resil"});
  CHECK(Ids(Find("RÉSILIATION")) == V{"shout", "resil"});
  CHECK(Ids(Find("Résiliation")) == V{"shout", "resil"});
  CHECK(Ids(Find("résili*")) == V{"shout", "resil"});
  CHECK(Ids(Find("recommandee")) == V{"shout"});
  CHECK(Ids(Find("regler")) == V{"invoice"});
  CHECK(Ids(Find("nothing-like-this")).empty());
}

TEST_CASE_METHOD(SearchFixture, "Search ranks, scores and marks hits", "[store]") {
  auto hits = Find("resiliation");
  REQUIRE(hits.has_value());
  REQUIRE(hits->size() == 2);
  const SearchHit& best = (*hits)[0];
  CHECK(best.score > (*hits)[1].score);
  CHECK(best.score > 0);
  CHECK(best.label == "termination");
  CHECK(best.source == "/in/shout.tif");
  CHECK(best.snippet.find("[RESILIATION]") != std::string::npos);
  const SearchHit& other = (*hits)[1];
  CAPTURE(best.snippet, other.snippet);
  CHECK(best.snippet == "OBJET: [RESILIATION] [RESILIATION] [RESILIATION] Lettre recommandée");
  CHECK(other.snippet.find("[Résiliation]") != std::string::npos);
  // Long text is cut to about 12 tokens with an ellipsis.
  CHECK(other.snippet.find("…") != std::string::npos);
  CHECK(other.snippet.size() < 120);
}

TEST_CASE_METHOD(SearchFixture, "Search pages with limit and offset", "[store]") {
  using V = std::vector<std::string>;
  CHECK(Ids(Find("resiliation", 1)) == V{"shout"});
  CHECK(Ids(Find("resiliation", 1, 1)) == V{"resil"});
  CHECK(Ids(Find("resiliation", 5, 2)).empty());
  CHECK(Find("x", -1).error().code() == Status::Code::kInvalidArgument);
}

TEST_CASE_METHOD(SearchFixture, "Search takes FTS5 syntax and punctuated words", "[store]") {
  using V = std::vector<std::string>;
  CHECK(Ids(Find("\"mon contrat\"")) == V{"resil"});
  CHECK(Ids(Find("\"contrat mon\"")).empty());
  CHECK(Ids(Find("contrat facture")).empty());  // plain words are ANDed
  CHECK(SortedIds(Find("contrat OR facture")) == V{"invoice", "resil"});
  CHECK(Ids(Find("resiliation NOT lettre")) == V{"resil"});
  CHECK(Ids(Find("label:invoice")) == V{"invoice"});
  CHECK(Ids(Find("source:shout")) == V{"shout"});
  CHECK(Ids(Find("source:in")).empty());  // file names only, not folders
  CHECK(Ids(Find("d'écrire")) == V{"resil"});  // typographic apostrophe in the text
  CHECK(Ids(Find("2026-10-14")) == V{"resil"});
  CHECK(Ids(Find("l'adresse")) == V{"resil"});
  CHECK(Ids(Find("jean.dupont@exemple.fr")) == V{"resil"});
  CHECK(Ids(Find("C-42 contrat")) == V{"resil"});
  CHECK(Ids(Find("OBJET:")) == V{"shout"});
  CHECK(SortedIds(Find("(facture OR lettre) - ")) == V{"invoice", "shout"});
}

TEST_CASE_METHOD(SearchFixture, "Search reports FTS5 syntax errors as InvalidArgument", "[store]") {
  struct Case {
    std::string query, message;
  };
  const Case cases[] = {
      {"\"unbalanced", "search: cannot parse query '\"unbalanced': unterminated string"},
      {"AND", "search: cannot parse query 'AND': syntax error near \"AND\""},
      {"résiliation)", "search: cannot parse query 'résiliation)': syntax error near \")\""},
      {"NOT", "search: cannot parse query 'NOT': syntax error near \"NOT\""},
      {"  ", "search: empty query '  '"},
      {"- &", "search: empty query '- &'"},
  };
  for (const Case& c : cases) {
    INFO(c.query);
    auto hits = Find(c.query);
    REQUIRE_FALSE(hits.has_value());
    CHECK(hits.error().code() == Status::Code::kInvalidArgument);
    CHECK(hits.error().message() == c.message);
  }
  // The store is still usable afterwards.
  CHECK(Ids(Find("facture")) == std::vector<std::string>{"invoice"});
}

}  // namespace
}  // namespace facteur
