// Store: where records live. The real one is SQLite (WAL, FTS5) under the home
// folder plus a content-addressed file store:
//   HOME/facteur.db                   documents, pages, text (FTS5), events
//   HOME/objects/ab/abcdef...         originals, byte for byte, named by SHA-256
//   HOME/documents/<id>.pdf           searchable PDFs
// Originals are never modified: KeepOriginal copies (fsync, then rename into
// place) before any processing, so nothing is lost if processing dies.
//
// Thread safety: a Store is used from one thread at a time (the runner's).
#ifndef FACTEUR_STORE_H_
#define FACTEUR_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "facteur/document.h"
#include "facteur/status.h"

namespace facteur {

struct SearchQuery {
  // Words, "phrases" and prefix* as FTS5 reads them; accent- and
  // case-insensitive. Operators AND/OR/NOT/NEAR pass through.
  std::string text;
  int limit = 20;
  int offset = 0;
};

struct SearchHit {
  std::string id;
  double score = 0;      // higher is better (negated BM25)
  std::string label;     // class
  std::string source;    // original path
  std::string snippet;   // with the hits marked [like this]
};

// One outbox row: a document's delivery to one destination (issue 5).
// States: pending (due at next_attempt_ms), in_flight (claimed; the claim
// expires at next_attempt_ms, so a crashed worker's rows come back),
// delivered, dead (given up; `facteur queue retry` re-drives it), cancelled
// (a re-route dropped the destination before it was delivered).
struct DeliveryRecord {
  std::string document_id;
  std::string destination;
  int priority = 0;
  std::string due;              // SLA deadline, ISO 8601 UTC, or ""
  std::string state;            // pending, in_flight, delivered, dead, cancelled
  int attempts = 0;             // attempts made so far
  int64_t next_attempt_ms = 0;  // Unix ms: when pending rows are due / claims expire
  std::string last_error;
  std::string updated;          // ISO 8601 UTC
};

// What became of one attempt.
struct DeliveryOutcome {
  enum class Kind { kDelivered, kRetry, kDead } kind = Kind::kDelivered;
  int64_t retry_at_ms = 0;  // kRetry: when to try again (Unix ms)
  std::string message;      // result or error, journaled
};

class Store {
 public:
  virtual ~Store() = default;

  // The id of a stored document (done or review) made from an original with
  // this SHA-256, or nullopt.
  virtual Result<std::optional<std::string>> FindByOriginal(const std::string& sha256) = 0;

  // Copies the file at `path` into the object store under `sha256` unless it
  // is already there; returns the stored file's path. The copy is verified
  // (re-hashed) and fsync'ed before it is renamed into place.
  // Errors: kIOError (disk full...), kCorrupt if the bytes do not hash to sha256.
  virtual Result<std::string> KeepOriginal(const std::string& path, const std::string& sha256) = 0;

  // Writes the record (document, pages, text, FTS row, events) in one
  // transaction, replacing an earlier record with the same id, and moves
  // doc.pdf_path (if any) into the store. Errors: kBusy (retry), kIOError,
  // kExternal, kInvalidArgument for an id that cannot be a file name (empty,
  // ".", "..", containing '/'), kNotFound when doc.pdf_path does not exist.
  virtual Status Put(const Document& doc) = 0;

  // Appends an event to a stored document.
  virtual Status AddEvent(const std::string& id, const Event& event) = 0;

  // The stored record; pages carry text, sizes and notes, not images.
  // Errors: kNotFound if the id was never stored.
  virtual Result<Document> Get(const std::string& id) = 0;

  // Path of the stored searchable PDF / original, for display and export.
  virtual Result<std::string> PdfPath(const std::string& id) = 0;
  virtual Result<std::string> OriginalPath(const std::string& id) = 0;

  // Ranked hits. Errors: kInvalidArgument with a readable message when the
  // query is not valid FTS5 syntax.
  virtual Result<std::vector<SearchHit>> Search(const SearchQuery& query) = 0;

  // --- Outbox (issue 5). Put writes one row per doc.deliveries entry in its
  // transaction: new rows pending and due now; rows already there keep their
  // state (a delivered row is never sent again by a re-Put); pending or dead
  // rows whose destination left doc.deliveries become cancelled. Get fills
  // Document::deliveries. The defaults below return kUnsupported.

  // Claims up to `limit` rows that are pending and due, or in_flight with an
  // expired claim, at `now_ms`: they become in_flight until now_ms + lease_ms.
  // Highest priority, then earliest due first.
  virtual Result<std::vector<DeliveryRecord>> ClaimDeliveries(int64_t now_ms, int64_t lease_ms, int limit) {
    (void)now_ms, (void)lease_ms, (void)limit;
    return Err(Status::Unsupported("store: no outbox"));
  }
  // Records an attempt's outcome on an in_flight row (attempts + 1) and
  // journals it as an event of the document. kNotFound for no such row.
  virtual Status FinishDelivery(const std::string& document_id, const std::string& destination,
                                const DeliveryOutcome& outcome) {
    (void)document_id, (void)destination, (void)outcome;
    return Status::Unsupported("store: no outbox");
  }
  // Rows in `state` ("" = all), most recently updated first; for one
  // document when `document_id` is not empty.
  virtual Result<std::vector<DeliveryRecord>> ListDeliveries(const std::string& state, const std::string& document_id,
                                                             int limit) {
    (void)state, (void)document_id, (void)limit;
    return Err(Status::Unsupported("store: no outbox"));
  }
  // Makes rows pending and due now with attempts reset: dead/pending ones
  // (retry), or also delivered ones when `replay`. `destination` "" = all of
  // the document's rows. Returns how many rows changed; journaled.
  virtual Result<int> RequeueDeliveries(const std::string& document_id, const std::string& destination, bool replay) {
    (void)document_id, (void)destination, (void)replay;
    return Err(Status::Unsupported("store: no outbox"));
  }
};

// Opens (creating if needed) the store under `home`.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& home);

}  // namespace facteur

#endif  // FACTEUR_STORE_H_
