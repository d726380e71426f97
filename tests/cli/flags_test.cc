#include <catch2/catch.hpp>

#include "cli/flags.h"

using namespace facteur;

TEST_CASE("Flags parse values, switches and positionals", "[cli]") {
  std::vector<FlagSpec> specs = {{"home", true}, {"json", false}, {"jobs", true}};
  auto f = Flags::Parse({"--home", "/tmp/h", "a.tif", "--json", "--jobs=2", "--", "--weird"}, specs);
  REQUIRE(f.has_value());
  CHECK(f->Get("home") == "/tmp/h");
  CHECK(f->Has("json"));
  CHECK(f->GetInt("jobs", 0, 1, 8).value() == 2);
  CHECK(f->positional() == std::vector<std::string>{"a.tif", "--weird"});
}

TEST_CASE("Flags reject unknown options, missing values and bad numbers", "[cli]") {
  std::vector<FlagSpec> specs = {{"home", true}, {"jobs", true}, {"json", false}};
  CHECK(Flags::Parse({"--hom", "x"}, specs).error().message() == "unknown option '--hom' (see --help)");
  CHECK(Flags::Parse({"--home"}, specs).error().message() == "option '--home' needs a value");
  CHECK(Flags::Parse({"--json=1"}, specs).error().message() == "option '--json' takes no value");
  CHECK(Flags::Parse({"-x"}, specs).error().message() == "unknown option '-x' (see --help)");
  auto f = Flags::Parse({"--jobs", "0"}, specs);
  REQUIRE(f.has_value());
  CHECK(f->GetInt("jobs", 0, 1, 8).error().message() == "option '--jobs' takes a whole number from 1 to 8, not '0'");
}

TEST_CASE("Repeatable flags keep every value, and NAME=VALUE pairs are checked", "[cli]") {
  std::vector<FlagSpec> specs = {{"field", true, true}, {"home", true}};
  auto f = Flags::Parse({"--field", "iban=FR76", "--home", "h", "--field=customer=C1", "--field", "iban="}, specs);
  REQUIRE(f.has_value());
  CHECK(f->GetAll("field") == std::vector<std::string>{"iban=FR76", "customer=C1", "iban="});
  CHECK(f->GetAll("home").empty());  // not repeatable: Get only
  auto pairs = f->GetPairs("field");
  REQUIRE(pairs.has_value());
  CHECK(*pairs == std::map<std::string, std::string>{{"customer", "C1"}, {"iban", ""}});  // the later iban wins
  auto bad = Flags::Parse({"--field", "=x"}, specs);
  REQUIRE(bad.has_value());
  CHECK(bad->GetPairs("field").error().message() == "--field '=x': want NAME=VALUE");
}
