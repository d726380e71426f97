#include <catch2/catch.hpp>

#include "facteur/customers.h"
#include "facteur/store.h"
#include "store/temp_home.h"

namespace facteur {

TEST_CASE("SqliteCustomers stores customers and their contracts, replacing by id", "[extract][store]") {
  testing::TempHome home;
  auto dir = OpenSqliteCustomers(home.path());
  REQUIRE(dir);
  REQUIRE((*dir)
              ->Put({{"CL-2", "Lucy Evans", "M14 5RB", "", "", {"POL-1"}},
                     {"CL-1", "Julien Girard", "44000", "j@example.fr", "+33768478525", {"CT-2", "CT-1"}}})
              .ok());
  REQUIRE((*dir)->Put({{"CL-2", "Lucy Evans", "M15 6AA", "", "", {"POL-9"}}}).ok());
  auto all = (*dir)->All();
  REQUIRE(all);
  REQUIRE(all->size() == 2);
  CHECK((*all)[0].id == "CL-1");
  CHECK((*all)[0].contract_ids == std::vector<std::string>{"CT-1", "CT-2"});
  CHECK((*all)[1].postcode == "M15 6AA");
  CHECK((*all)[1].contract_ids == std::vector<std::string>{"POL-9"});
  // The document store opens the same database after the migration.
  REQUIRE(OpenSqliteStore(home.path()));
  auto again = OpenSqliteCustomers(home.path());
  REQUIRE(again);
  CHECK((*again)->All()->size() == 2);
}

TEST_CASE("SqliteCustomers refuses an empty id and writes nothing of the batch", "[extract][store]") {
  testing::TempHome home;
  auto dir = OpenSqliteCustomers(home.path());
  REQUIRE(dir);
  Status s = (*dir)->Put({{"CL-1", "A", "", "", "", {}}, {"", "B", "", "", "", {}}});
  CHECK(s.code() == Status::Code::kInvalidArgument);
  CHECK((*dir)->All()->empty());
}

}  // namespace facteur
