#include "store/sqlite_util.h"

namespace facteur::store {

Status SqliteError(sqlite3* db, int rc, std::string_view context) {
  std::string msg(context);
  msg += ": sqlite: ";
  // The connection's message is only meaningful when it matches rc.
  msg += (db != nullptr && sqlite3_errcode(db) == rc) ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  int primary = rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return Status::Busy(std::move(msg));
  return Status::External(std::move(msg));
}

Status Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::OK();
  std::string msg = err != nullptr ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  int primary = rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return Status::Busy("sqlite: " + msg);
  }
  return Status::External("sqlite: " + msg);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  stmt_.reset(raw);
  if (rc != SQLITE_OK) status_ = SqliteError(db, rc, "prepare");
}

Statement& Statement::Check(int rc) {
  if (rc != SQLITE_OK && status_.ok()) status_ = SqliteError(db_, rc, "bind");
  return *this;
}

Statement& Statement::Bind(std::string_view text) {
  if (!stmt_) return *this;
  return Check(sqlite3_bind_text64(stmt_.get(), next_++, text.data(), text.size(),
                                   SQLITE_TRANSIENT, SQLITE_UTF8));
}

Statement& Statement::Bind(int64_t value) {
  if (!stmt_) return *this;
  return Check(sqlite3_bind_int64(stmt_.get(), next_++, value));
}

Statement& Statement::Bind(double value) {
  if (!stmt_) return *this;
  return Check(sqlite3_bind_double(stmt_.get(), next_++, value));
}

Result<bool> Statement::Step() {
  if (!status_.ok()) return Err(status_);
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  status_ = SqliteError(db_, rc, "step");
  return Err(status_);
}

Status Statement::Run() {
  Result<bool> row = Step();
  if (!row) return row.error();
  if (*row) return Status::External("sqlite: statement returned rows where none were expected");
  return Status::OK();
}

std::string Statement::Text(int column) const {
  const unsigned char* p = sqlite3_column_text(stmt_.get(), column);
  if (p == nullptr) return std::string();
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), column)));
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

double Statement::Real(int column) const { return sqlite3_column_double(stmt_.get(), column); }

Transaction::Transaction(sqlite3* db, Mode mode) : db_(db) {
  status_ = Exec(db, mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
  open_ = status_.ok();
}

Transaction::~Transaction() {
  // A failed ROLLBACK leaves nothing better to do: SQLite rolls back on close.
  if (open_) (void)Exec(db_, "ROLLBACK");
}

Status Transaction::Commit() {
  if (!open_) return status_.ok() ? Status::External("sqlite: no open transaction") : status_;
  Status s = Exec(db_, "COMMIT");
  if (s.ok()) open_ = false;
  return s;
}

}  // namespace facteur::store
