#include <catch2/catch.hpp>

#include "store/fts_query.h"

namespace facteur::store {
namespace {

std::string T(const std::string& text) {
  auto r = TranslateQuery(text);
  REQUIRE(r.has_value());
  return *r;
}

TEST_CASE("TranslateQuery passes FTS5 syntax through", "[store]") {
  CHECK(T("resiliation contrat") == "resiliation contrat");
  CHECK(T("résili*") == "résili*");
  CHECK(T("\"mon contrat\" OR facture") == "\"mon contrat\" OR facture");
  CHECK(T("\"mon contrat\"*") == "\"mon contrat\"*");
  CHECK(T("(a OR b) NOT c") == "(a OR b) NOT c");
  CHECK(T("NEAR(contrat résiliation, 5)") == "NEAR(contrat résiliation, 5)");
  CHECK(T("label:invoice source:\"lettre\"") == "label:invoice source:\"lettre\"");
  CHECK(T("^objet") == "^objet");
  CHECK(T("\"say \"\"hi\"\"\" x") == "\"say \"\"hi\"\"\" x");
}

TEST_CASE("TranslateQuery quotes words FTS5 would misread", "[store]") {
  CHECK(T("l'adresse") == "\"l'adresse\"");
  CHECK(T("2026-10-14") == "\"2026-10-14\"");
  CHECK(T("jean.dupont@exemple.fr") == "\"jean.dupont@exemple.fr\"");
  CHECK(T("C-4*") == "\"C-4\"*");
  CHECK(T("10:30") == "\"10:30\"");
  CHECK(T("text:l'adresse") == "text:\"l'adresse\"");
  CHECK(T("a - b") == "a  b");
}

TEST_CASE("TranslateQuery leaves broken syntax for FTS5 and refuses empty queries", "[store]") {
  CHECK(T("\"unbalanced") == "\"unbalanced");
  CHECK(T("résiliation)") == "résiliation)");
  CHECK(T("AND") == "AND");
  auto empty = TranslateQuery(" - ");
  REQUIRE_FALSE(empty.has_value());
  CHECK(empty.error().code() == Status::Code::kInvalidArgument);
  CHECK(QueryError("AND", "fts5: syntax error near \"AND\"").message() ==
        "search: cannot parse query 'AND': syntax error near \"AND\"");
}

}  // namespace
}  // namespace facteur::store
