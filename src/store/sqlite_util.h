// Thin RAII helpers over the sqlite3 C API, for src/store only.
//
// DbPtr / StmtPtr own sqlite3* / sqlite3_stmt* from the moment they are
// obtained. Statement binds parameters left to right and turns every SQLite
// result code into a Status: SQLITE_BUSY / SQLITE_LOCKED become kBusy (the
// caller may retry), anything else kExternal with SQLite's message.
//
// Thread safety: none; a connection is used by one thread at a time.
#ifndef FACTEUR_STORE_SQLITE_UTIL_H_
#define FACTEUR_STORE_SQLITE_UTIL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "facteur/status.h"

namespace facteur::store {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

// "context: sqlite: <message>" with kBusy for BUSY/LOCKED, else kExternal.
Status SqliteError(sqlite3* db, int rc, std::string_view context);

// Runs one or more statements that return no rows.
Status Exec(sqlite3* db, const char* sql);

// A prepared statement. Bind() calls fill parameters ?1, ?2... in order.
class Statement {
 public:
  // Check ok() (or status()) before use: preparing can fail.
  Statement(sqlite3* db, std::string_view sql);

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  Statement& Bind(std::string_view text);
  // Without this a const char* would bind as bool.
  Statement& Bind(const char* text) { return Bind(std::string_view(text)); }
  Statement& Bind(int64_t value);
  Statement& Bind(int value) { return Bind(static_cast<int64_t>(value)); }
  Statement& Bind(bool value) { return Bind(static_cast<int64_t>(value ? 1 : 0)); }
  Statement& Bind(double value);

  // true: a row is ready; false: done. Errors as SqliteError.
  Result<bool> Step();
  // Steps a statement that must not return rows.
  Status Run();

  std::string Text(int column) const;
  int64_t Int(int column) const;
  double Real(int column) const;

 private:
  Statement& Check(int rc);

  sqlite3* db_;
  StmtPtr stmt_;
  int next_ = 1;
  Status status_;
};

// kWrite: BEGIN IMMEDIATE on construction (taking the write lock up front, so
// a concurrent writer makes us wait busy_timeout then fail with kBusy, rather
// than deadlocking on a lock upgrade). kRead: BEGIN, for a consistent snapshot
// across several SELECTs. ROLLBACK on destruction unless Commit() succeeded.
class Transaction {
 public:
  enum class Mode { kRead, kWrite };
  explicit Transaction(sqlite3* db, Mode mode = Mode::kWrite);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  const Status& status() const { return status_; }
  Status Commit();

 private:
  sqlite3* db_;
  bool open_ = false;
  Status status_;
};

}  // namespace facteur::store

#endif  // FACTEUR_STORE_SQLITE_UTIL_H_
