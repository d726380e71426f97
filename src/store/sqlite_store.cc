#include "store/sqlite_store.h"

#include <filesystem>
#include <utility>

#include "core/clock.h"
#include "store/delivery_rows.h"
#include "core/hash.h"
#include "store/document_rows.h"
#include "store/journal.h"
#include "store/schema.h"

namespace facteur::store {
namespace {

// Ids become file names (HOME/documents/<id>.pdf), so keep them to one
// harmless path component.
Status CheckId(const std::string& id) {
  if (id.empty() || id == "." || id == ".." || id.find_first_of(std::string("/\0", 2)) != std::string::npos) {
    return Status::InvalidArgument("store: bad document id '" + id + "'");
  }
  return Status::OK();
}

// Runs a PRAGMA that answers with one row; returns that row's text.
Result<std::string> Pragma(sqlite3* db, const std::string& sql) {
  Statement stmt(db, sql);
  Result<bool> row = stmt.Step();
  if (!row) return Err(row.error().WithContext(sql));
  return *row ? stmt.Text(0) : std::string();
}

Status Configure(sqlite3* db) {
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 5000);
  Result<std::string> mode = Pragma(db, "PRAGMA journal_mode = WAL");
  if (!mode) return mode.error();
  if (*mode != "wal") return Status::External("sqlite: cannot switch to WAL (journal_mode=" + *mode + ")");
  FACTEUR_RETURN_IF_ERROR(Exec(db, "PRAGMA synchronous = FULL"));
  // Searches read much of the FTS index: 32 MB of page cache and reads
  // through a 256 MB memory map instead of one pread per page (writes still
  // go through the WAL). Half the system time of a search on 100,000 letters.
  FACTEUR_RETURN_IF_ERROR(Exec(db, "PRAGMA cache_size = -32768"));
  if (Result<std::string> mmap = Pragma(db, "PRAGMA mmap_size = 268435456"); !mmap) return mmap.error();
  return Exec(db, "PRAGMA foreign_keys = ON");
}

}  // namespace

SqliteStore::SqliteStore(std::string home, DbPtr db)
    : home_(std::move(home)), objects_(home_ + "/objects"), db_(std::move(db)) {}

Result<std::optional<std::string>> SqliteStore::FindByOriginal(const std::string& sha256) {
  Statement stmt(db_.get(),
                 "SELECT id FROM documents WHERE sha256 = ? AND status IN ('done', 'review') "
                 "ORDER BY created, id LIMIT 1");
  stmt.Bind(sha256);
  Result<bool> row = stmt.Step();
  if (!row) return Err(row.error().WithContext("store: find original " + sha256));
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(stmt.Text(0));
}

Result<std::string> SqliteStore::KeepOriginal(const std::string& path, const std::string& sha256) {
  return objects_.Keep(path, sha256);
}

Result<std::string> SqliteStore::StorePdf(const Document& doc) {
  if (doc.pdf_path.empty()) return std::string();
  std::string target = home_ + "/documents/" + doc.id + ".pdf";
  // Putting back a record read by Get: its PDF is already in place.
  if (doc.pdf_path == target) return target;
  Status s = MoveFile(doc.pdf_path, target);
  if (!s.ok()) return Err(s.WithContext("store: " + doc.id + ": pdf"));
  return target;
}

Status SqliteStore::JournalSeal(const Document& doc) {
  Seal seal{.original = "none", .pdf = "none"};
  if (!doc.source.sha256.empty() && objects_.Contains(doc.source.sha256)) seal.original = doc.source.sha256;
  // The PDF is hashed where it is now, before it moves: same bytes.
  if (!doc.pdf_path.empty()) {
    std::error_code ec;
    if (!std::filesystem::exists(doc.pdf_path, ec)) {
      return Status::NotFound("pdf " + doc.pdf_path + " does not exist");
    }
    Result<std::string> sha = Sha256File(doc.pdf_path);
    if (!sha) return sha.error().WithContext("pdf");
    seal.pdf = *sha;
  }
  Result<std::optional<Seal>> last = LatestSeal(db_.get(), doc.id);
  if (!last) return last.error();
  if (last->has_value() && (*last)->original == seal.original && (*last)->pdf == seal.pdf) return Status::OK();
  return AppendJournal(db_.get(), doc.id, Event{NowIso8601(), kSealStage, SealMessage(seal)});
}

Status SqliteStore::Put(const Document& doc) {
  FACTEUR_RETURN_IF_ERROR(CheckId(doc.id));
  sqlite3* db = db_.get();
  Transaction txn(db);
  if (!txn.status().ok()) return txn.status().WithContext("store: put " + doc.id);

  Result<std::optional<std::string>> created = CreatedTime(db, doc.id);
  if (!created) return created.error().WithContext("store: put " + doc.id);
  std::string now = NowIso8601();
  std::string pdf = doc.pdf_path.empty() ? "" : home_ + "/documents/" + doc.id + ".pdf";
  Status s = DeleteDocument(db, doc.id);
  if (s.ok()) s = InsertDocument(db, doc, pdf, created->value_or(now), now);
  // The outbox rows commit with the record or not at all (issue 5).
  if (s.ok()) s = WriteDeliveries(db, doc, NowMs(), now);
  if (s.ok()) s = JournalNewEvents(db, doc.id, doc.events);
  if (s.ok()) s = JournalSeal(doc);
  if (!s.ok()) return s.WithContext("store: put " + doc.id);

  // The PDF moves last, once every row is written, and before the commit:
  // if it cannot move, the rows roll back and the old record stays whole.
  Result<std::string> moved = StorePdf(doc);
  if (!moved) return moved.error();
  s = txn.Commit();
  if (!s.ok()) return s.WithContext("store: put " + doc.id);
  return Status::OK();
}

Status SqliteStore::AddEvent(const std::string& id, const Event& event) {
  sqlite3* db = db_.get();
  Transaction txn(db);
  if (!txn.status().ok()) return txn.status().WithContext("store: event for " + id);
  Result<std::optional<std::string>> created = CreatedTime(db, id);
  if (!created) return created.error().WithContext("store: event for " + id);
  if (!created->has_value()) return Status::NotFound("store: no document '" + id + "'");
  Status s = InsertEvent(db, id, event);
  if (s.ok()) s = AppendJournal(db, id, event);
  if (s.ok()) s = txn.Commit();
  return s.WithContext("store: event for " + id);
}

Result<Document> SqliteStore::Get(const std::string& id) {
  // One read transaction: a concurrent Put is seen whole or not at all.
  Transaction txn(db_.get(), Transaction::Mode::kRead);
  if (!txn.status().ok()) return Err(txn.status().WithContext("store: get " + id));
  Result<Document> doc = ReadDocument(db_.get(), id);
  if (!doc && doc.error().code() != Status::Code::kNotFound) {
    return Err(doc.error().WithContext("store: get " + id));
  }
  if (!doc) return doc;
  auto deliveries = ReadDeliveries(db_.get(), id);
  if (!deliveries) return Err(deliveries.error().WithContext("store: get " + id));
  doc->deliveries = std::move(*deliveries);
  return doc;
}

Result<std::string> SqliteStore::Column(const std::string& id, const char* column) {
  Statement stmt(db_.get(), std::string("SELECT ") + column + " FROM documents WHERE id = ?");
  stmt.Bind(id);
  Result<bool> row = stmt.Step();
  if (!row) return Err(row.error().WithContext("store: " + id));
  if (!*row) return Err(Status::NotFound("store: no document '" + id + "'"));
  return stmt.Text(0);
}

Result<std::string> SqliteStore::PdfPath(const std::string& id) {
  Result<std::string> pdf = Column(id, "pdf_path");
  if (pdf && pdf->empty()) return Err(Status::NotFound("store: document '" + id + "' has no PDF"));
  return pdf;
}

Result<std::string> SqliteStore::OriginalPath(const std::string& id) {
  Result<std::string> sha = Column(id, "sha256");
  if (!sha) return sha;
  if (!objects_.Contains(*sha)) {
    return Err(Status::NotFound("store: original of '" + id + "' (" + *sha + ") is not kept"));
  }
  return objects_.PathFor(*sha);
}

}  // namespace facteur::store

namespace facteur {

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& home) {
  using namespace store;
  for (const char* sub : {"", "/objects", "/documents"}) {
    Status s = MakeDirs(home + sub);
    if (!s.ok()) return Err(s.WithContext("store " + home));
  }
  std::string path = home + "/facteur.db";
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  DbPtr db(raw);  // owns the handle even when the open failed
  if (rc != SQLITE_OK) return Err(SqliteError(db.get(), rc, path + ": cannot open"));
  Status s = Configure(db.get());
  if (s.ok()) s = Migrate(db.get());
  if (!s.ok()) return Err(s.WithContext(path));
  return std::unique_ptr<Store>(new SqliteStore(home, std::move(db)));
}

}  // namespace facteur
