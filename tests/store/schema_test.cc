#include <catch2/catch.hpp>

#include "facteur/store.h"
#include "store/schema.h"
#include "store/sqlite_util.h"
#include "store/temp_home.h"

namespace facteur::store {
namespace {

using testing::TempHome;

DbPtr OpenRaw(const std::string& path) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  DbPtr db(raw);
  REQUIRE(rc == SQLITE_OK);
  return db;
}

int UserVersion(sqlite3* db) {
  Statement stmt(db, "PRAGMA user_version");
  REQUIRE(stmt.Step().value());
  return static_cast<int>(stmt.Int(0));
}

TEST_CASE("Migrate brings a new database to the latest version once", "[store]") {
  TempHome home;
  DbPtr db = OpenRaw(home / "t.db");
  REQUIRE(Migrate(db.get()).ok());
  CHECK(UserVersion(db.get()) == LatestSchemaVersion());
  REQUIRE(Migrate(db.get()).ok());  // nothing left to do
  CHECK(UserVersion(db.get()) == LatestSchemaVersion());
}

TEST_CASE("OpenSqliteStore refuses a database from a newer facteur", "[store]") {
  TempHome home;
  { REQUIRE(OpenSqliteStore(home.path()).has_value()); }
  {
    DbPtr db = OpenRaw(home / "facteur.db");
    std::string sql = "PRAGMA user_version = " + std::to_string(LatestSchemaVersion() + 1);
    REQUIRE(Exec(db.get(), sql.c_str()).ok());
  }
  auto store = OpenSqliteStore(home.path());
  REQUIRE_FALSE(store.has_value());
  CHECK(store.error().code() == Status::Code::kUnsupported);
  CHECK(store.error().message() ==
        home / "facteur.db: database schema version " + std::to_string(LatestSchemaVersion() + 1) +
            " is newer than this facteur's (" + std::to_string(LatestSchemaVersion()) + ")");
}

TEST_CASE("OpenSqliteStore reports a HOME it cannot create", "[store]") {
  TempHome home;
  testing::WriteFile(home / "file", "not a folder");
  auto store = OpenSqliteStore(home / "file/home");
  REQUIRE_FALSE(store.has_value());
  CHECK(store.error().code() == Status::Code::kIOError);
  CHECK(store.error().message().find(home / "file") != std::string::npos);
}

}  // namespace
}  // namespace facteur::store
