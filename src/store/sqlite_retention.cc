// SqliteStore's retention side (issue 7): legal holds and purge.
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "core/clock.h"
#include "core/hash.h"
#include "store/document_rows.h"
#include "store/journal.h"
#include "store/sqlite_store.h"

namespace facteur::store {
namespace {

// "2019-03-04..." + 5 years -> "2024-03-04": the last day still kept is
// the day before; the record expires on that date.
std::string ExpiryDate(const std::string& received, int years) {
  if (received.size() < 10) return "9999-12-31";
  int year = std::atoi(received.substr(0, 4).c_str()) + years;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", year);
  return buf + received.substr(4, 6);
}

}  // namespace

Status SqliteStore::SetHold(const std::string& id, bool on, const std::string& reason) {
  sqlite3* db = db_.get();
  Transaction txn(db);
  if (!txn.status().ok()) return txn.status().WithContext("store: hold " + id);
  Result<std::optional<std::string>> created = CreatedTime(db, id);
  if (!created) return created.error().WithContext("store: hold " + id);
  if (!created->has_value()) return Status::NotFound("store: no document '" + id + "'");
  Statement stmt(db, on ? "INSERT OR REPLACE INTO holds (document_id, since, reason) VALUES (?, ?, ?)"
                        : "DELETE FROM holds WHERE document_id = ?");
  stmt.Bind(id);
  Event event{NowIso8601(), on ? "hold" : "release", reason.empty() ? "legal hold" : reason};
  if (on) stmt.Bind(event.time).Bind(event.message);
  Status s = stmt.Run();
  if (s.ok()) s = InsertEvent(db, id, event);
  if (s.ok()) s = AppendJournal(db, id, event);
  if (s.ok()) s = txn.Commit();
  return s.WithContext("store: hold " + id);
}

Status SqliteStore::PurgeOne(const std::string& id, const std::string& why) {
  sqlite3* db = db_.get();
  Transaction txn(db);
  if (!txn.status().ok()) return txn.status();
  Result<std::string> sha = Column(id, "sha256");
  Result<std::string> pdf = Column(id, "pdf_path");
  if (!sha || !pdf) return !sha ? sha.error() : pdf.error();
  std::string pdf_sha = "none";
  if (!pdf->empty()) {
    if (Result<std::string> h = Sha256File(*pdf)) pdf_sha = *h;
  }
  FACTEUR_RETURN_IF_ERROR(DeleteDocument(db, id));
  Statement shared(db, "SELECT count(*) FROM documents WHERE sha256 = ?");
  shared.Bind(*sha);
  Result<bool> row = shared.Step();
  if (!row) return row.error();
  bool keep_original = shared.Int(0) > 0;
  Event tomb{NowIso8601(), "purge", why + "; original " + *sha + "; pdf " + pdf_sha};
  FACTEUR_RETURN_IF_ERROR(AppendJournal(db, id, tomb));
  FACTEUR_RETURN_IF_ERROR(txn.Commit());
  // Files go once the tombstone is committed: a crash in between leaves a
  // file with no record, never a record with no file.
  std::error_code ec;
  if (!pdf->empty()) std::filesystem::remove(*pdf, ec);
  if (!keep_original && objects_.Contains(*sha)) std::filesystem::remove(objects_.PathFor(*sha), ec);
  return Status::OK();
}

Result<std::vector<std::string>> SqliteStore::Purge(const std::map<std::string, int>& years, const std::string& today,
                                                    bool dry_run) {
  std::vector<std::pair<std::string, std::string>> due;  // id, why
  {
    Statement stmt(db_.get(),
                   "SELECT id, class, received FROM documents "
                   "WHERE id NOT IN (SELECT document_id FROM holds) ORDER BY received, id");
    for (;;) {
      Result<bool> row = stmt.Step();
      if (!row) return Err(row.error().WithContext("purge"));
      if (!*row) break;
      std::string label = stmt.Text(1), received = stmt.Text(2);
      auto rule = years.find(label);
      if (rule == years.end()) rule = years.find("*");
      if (rule == years.end()) continue;
      std::string expiry = ExpiryDate(received, rule->second);
      if (expiry > today) continue;
      due.emplace_back(stmt.Text(0), "retention of " + std::to_string(rule->second) + " year(s) for class '" +
                                         label + "' ended " + expiry + " (received " + received + ")");
    }
  }
  std::vector<std::string> purged;
  for (const auto& [id, why] : due) {
    if (!dry_run) {
      Status s = PurgeOne(id, why);
      if (!s.ok()) return Err(s.WithContext("purge " + id));
    }
    purged.push_back(id);
  }
  return purged;
}

}  // namespace facteur::store
