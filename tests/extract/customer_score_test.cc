// The customer match rate and field values `facteur eval` reports.
#include <catch2/catch.hpp>

#include "extract/field_eval.h"

namespace facteur::extract {

TEST_CASE("ScoreCustomer counts right, wrong and missing customer matches against the truth", "[extract]") {
  CustomerTally t;
  const std::map<std::string, std::string> truth = {{"customer_id", "CL-000001"}};
  ScoreCustomer(truth, {{"customer", Field{.value = "CL-000001"}}}, t);
  ScoreCustomer(truth, {{"customer", Field{.value = "CL-999999"}}}, t);
  ScoreCustomer(truth, {}, t);
  ScoreCustomer({{"date", "2026-10-14"}}, {{"customer", Field{.value = "CL-000001"}}}, t);  // no truth: not counted
  CHECK(t.documents == 3);
  CHECK(t.matched == 1);
  CHECK(t.wrong == 1);
  CHECK(t.MatchRate() == Approx(1.0 / 3));
  CHECK(t.WrongRate() == Approx(1.0 / 3));
  CHECK(CustomerTally{}.MatchRate() == 0);
}

TEST_CASE("FieldValues keeps each field's normalised value by name", "[extract]") {
  auto v = FieldValues({{"iban", Field{.value = "FR7630006000011234567890189", .confidence = 0.9}},
                        {"date", Field{.value = "2026-10-14"}}});
  CHECK(v == std::map<std::string, std::string>{{"date", "2026-10-14"}, {"iban", "FR7630006000011234567890189"}});
}

}  // namespace facteur::extract
