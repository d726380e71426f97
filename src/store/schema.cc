#include "store/schema.h"

#include <iterator>
#include <string>

#include "store/sqlite_util.h"

namespace facteur::store {
namespace {

// Version log:
//   1: documents, pages, events, documents_fts.
//   2: pages.quality_flags, pages.blank_score (cleanup).
//   3: customers, customer_contracts (facteur customers import).
//   4: deliveries (route: the outbox, one row per document and destination).
//   5: journal (hash-chained, append-only), holds, documents_received (issue 7).
//   6: queue_messages (pull queues of `type: table` destinations, issue 5).
const char* const kMigrations[] = {
    // 1. JSON columns hold Poco::JSON text (see record_codec.cc).
    R"sql(
CREATE TABLE documents (
  doc_key       INTEGER PRIMARY KEY,  -- stable rowid, = documents_fts.rowid
  id            TEXT NOT NULL UNIQUE,
  source_path   TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  bytes         INTEGER NOT NULL,
  format        TEXT NOT NULL,
  channel       TEXT NOT NULL,
  received      TEXT NOT NULL,
  first_page    INTEGER NOT NULL,
  last_page     INTEGER NOT NULL,
  context       TEXT NOT NULL,   -- JSON object of strings
  class         TEXT NOT NULL,
  confidence    REAL NOT NULL,
  reason        TEXT NOT NULL,
  candidates    TEXT NOT NULL,   -- JSON array of {label, confidence}
  fields        TEXT NOT NULL,   -- JSON object name -> {value, confidence, page}
  queues        TEXT NOT NULL,   -- JSON array of strings
  status        TEXT NOT NULL,   -- done, review, duplicate, failed
  error         TEXT NOT NULL,
  duplicate_of  TEXT NOT NULL,
  pdf_path      TEXT NOT NULL,   -- HOME/documents/<id>.pdf or ''
  created       TEXT NOT NULL,
  updated       TEXT NOT NULL
);
CREATE INDEX documents_sha256 ON documents(sha256, status);

CREATE TABLE pages (
  document_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx             INTEGER NOT NULL,
  source_index    INTEGER NOT NULL,
  width           INTEGER NOT NULL,
  height          INTEGER NOT NULL,
  dpi             REAL NOT NULL,
  is_fax          INTEGER NOT NULL,
  has_text_layer  INTEGER NOT NULL,
  ocr_failed      INTEGER NOT NULL,
  mean_confidence REAL NOT NULL,
  text            TEXT NOT NULL,
  words           TEXT NOT NULL,   -- JSON array of {text, x, y, w, h, conf}
  notes           TEXT NOT NULL,   -- JSON array of strings
  PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;

CREATE TABLE events (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,  -- gives the order
  document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  time         TEXT NOT NULL,
  stage        TEXT NOT NULL,
  message      TEXT NOT NULL
);
CREATE INDEX events_document ON events(document_id, seq);

-- rowid = documents.doc_key; source is the original's file name, label
-- its class. remove_diacritics 2 folds accents, including
-- those written as combining marks, so 'resiliation' finds 'Résiliation'.
CREATE VIRTUAL TABLE documents_fts USING fts5(
  text, source, label,
  tokenize = 'unicode61 remove_diacritics 2'
);
)sql",
    // 2. Cleanup: what the quality checks flagged and how blank each page looked.
    R"sql(
ALTER TABLE pages ADD COLUMN quality_flags TEXT NOT NULL DEFAULT '[]';  -- JSON array of strings
ALTER TABLE pages ADD COLUMN blank_score REAL NOT NULL DEFAULT -1;      -- 0 blank .. 1 not; -1 unmeasured
)sql",
    // 3. The customer directory read by match.customer.
    R"sql(
CREATE TABLE customers (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  postcode  TEXT NOT NULL,
  email     TEXT NOT NULL,
  phone     TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE customer_contracts (
  contract_id  TEXT NOT NULL,
  customer_id  TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  PRIMARY KEY (contract_id, customer_id)
) WITHOUT ROWID;
CREATE INDEX customer_contracts_customer ON customer_contracts(customer_id);
)sql",
    // 4. The outbox. No foreign key: Put deletes and re-inserts the document
    // row, and a delivery's state must outlive that.
    R"sql(
CREATE TABLE deliveries (
  document_id      TEXT NOT NULL,
  destination      TEXT NOT NULL,
  position         INTEGER NOT NULL,  -- order in the route decision
  priority         INTEGER NOT NULL,
  due              TEXT NOT NULL,     -- ISO 8601 UTC or ''
  state            TEXT NOT NULL,     -- pending, in_flight, delivered, dead, cancelled
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_ms  INTEGER NOT NULL,  -- Unix ms: due (pending) or claim expiry (in_flight)
  last_error       TEXT NOT NULL DEFAULT '',
  created          TEXT NOT NULL,
  updated          TEXT NOT NULL,
  PRIMARY KEY (document_id, destination)
) WITHOUT ROWID;
CREATE INDEX deliveries_due ON deliveries(state, next_attempt_ms);
)sql",
    // 5. Integrity: the hash-chained journal of every event (journal.h). No
    // foreign key: entries outlive the records they speak of. Records stored
    // before this migration have no journal entries and no seal.
    R"sql(
CREATE TABLE journal (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,  -- gives the order; never reused
  time         TEXT NOT NULL,
  document_id  TEXT NOT NULL,
  stage        TEXT NOT NULL,
  message      TEXT NOT NULL,
  prev_hash    TEXT NOT NULL,   -- hash of entry seq-1; 64 zeros for the first
  hash         TEXT NOT NULL    -- SHA-256 of this entry (journal.cc EntryHash)
);
CREATE INDEX journal_document ON journal(document_id, seq);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
  BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
  BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
-- Legal holds: kept apart from documents so that putting a record back
-- does not lift them. A held record is never purged.
CREATE TABLE holds (
  document_id  TEXT PRIMARY KEY,
  since        TEXT NOT NULL,
  reason       TEXT NOT NULL
);
-- Field values and queues, one row each, so the search filters use an
-- index instead of parsing every record's JSON. name is the field's name,
-- or ':queue' for a queue the record was routed to. Filled by Put.
CREATE TABLE document_keys (
  doc_key  INTEGER NOT NULL,   -- documents.doc_key
  name     TEXT NOT NULL,
  value    TEXT NOT NULL COLLATE NOCASE
);
CREATE INDEX document_keys_value ON document_keys(value, name);
CREATE INDEX document_keys_doc ON document_keys(doc_key);
INSERT INTO document_keys (doc_key, name, value)
  SELECT d.doc_key, f.key, json_extract(f.value, '$.value') FROM documents d, json_each(d.fields) f;
INSERT INTO document_keys (doc_key, name, value)
  SELECT d.doc_key, ':queue', q.value FROM documents d, json_each(d.queues) q;
-- Listing by filter, newest first, without a sort over every record.
CREATE INDEX documents_received ON documents(received);
)sql",
    // 6. Pull queues: what `type: table` destinations delivered, for
    // integrators that pull (`facteur queue pull NAME --ack`). No foreign
    // key: a message outlives a re-Put of its record.
    R"sql(
CREATE TABLE queue_messages (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,  -- order of arrival
  queue        TEXT NOT NULL,
  document_id  TEXT NOT NULL,
  metadata     TEXT NOT NULL,   -- JSON object, as the webhook's metadata part
  pdf_path     TEXT NOT NULL,   -- HOME/documents/<id>.pdf or ''
  pdf_sha256   TEXT NOT NULL,
  enqueued     TEXT NOT NULL,
  acked        TEXT NOT NULL DEFAULT '',  -- ISO 8601 UTC; '' while waiting
  acked_by     TEXT NOT NULL DEFAULT '',
  UNIQUE (queue, document_id)
);
CREATE INDEX queue_messages_waiting ON queue_messages(queue, acked, seq);
)sql",
};

Result<int> UserVersion(sqlite3* db) {
  Statement stmt(db, "PRAGMA user_version");
  Result<bool> row = stmt.Step();
  if (!row) return Err(row.error());
  if (!*row) return Err(Status::External("sqlite: PRAGMA user_version returned nothing"));
  return static_cast<int>(stmt.Int(0));
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

Status Migrate(sqlite3* db) {
  // Read the version inside the write transaction, so two processes opening
  // a new HOME at once do not both run migration 1.
  for (;;) {
    Transaction txn(db);
    FACTEUR_RETURN_IF_ERROR(txn.status());
    Result<int> version = UserVersion(db);
    if (!version) return version.error();
    if (*version > LatestSchemaVersion()) {
      return Status::Unsupported("database schema version " + std::to_string(*version) +
                                 " is newer than this facteur's (" +
                                 std::to_string(LatestSchemaVersion()) + ")");
    }
    if (*version == LatestSchemaVersion()) return Status::OK();
    Status s = Exec(db, kMigrations[*version]);
    if (!s.ok()) return s.WithContext("schema migration " + std::to_string(*version + 1));
    std::string set = "PRAGMA user_version = " + std::to_string(*version + 1);
    FACTEUR_RETURN_IF_ERROR(Exec(db, set.c_str()));
    FACTEUR_RETURN_IF_ERROR(txn.Commit());
  }
}

}  // namespace facteur::store
