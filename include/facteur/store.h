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
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "facteur/document.h"
#include "facteur/status.h"

namespace facteur {

struct SearchQuery {
  // Words, "phrases" and prefix* as FTS5 reads them; accent- and
  // case-insensitive. Operators AND/OR/NOT/NEAR pass through. May be empty
  // when a filter is given: the filtered records are listed, newest first.
  std::string text;
  int limit = 20;
  int offset = 0;
  // Added for issue 7 (archivists' search). Each non-empty filter narrows
  // the hits; all of them must hold.
  bool stem = false;          // plain words also match their light stem as a
                              // prefix: "résilier" finds "résiliation"
  std::string label;          // class, exactly
  std::string customer;       // a field named customer* with this value (no case)
  std::string contract;       // a field named contract* with this value (no case)
  std::string from, to;       // received date range, YYYY-MM-DD, inclusive
  std::string queue;          // routed to this queue
  std::string status;         // done, review, duplicate, failed
  std::string channel;        // batch, fax, folder
  std::map<std::string, std::string> fields;  // field name -> value (no case)
};

struct SearchHit {
  std::string id;
  double score = 0;      // higher is better (negated BM25)
  std::string label;     // class
  std::string source;    // original path
  std::string snippet;   // with the hits marked [like this]
  std::string received;  // ISO 8601 UTC (added for issue 7)
  std::string status;    // done, review... (added for issue 7)
};

// One entry of the append-only journal (issue 7). Every event of every
// record is chained: hash = SHA-256 of seq, time, document id, stage,
// message and prev_hash (see src/store/journal.h), so deleting, reordering
// or editing an entry breaks the chain.
struct JournalEntry {
  int64_t seq = 0;
  std::string time;
  std::string document_id;
  std::string stage;
  std::string message;
  std::string prev_hash;  // hash of the entry before (64 zeros for the first)
  std::string hash;
};

// One thing `Verify` found altered or missing.
struct IntegrityProblem {
  std::string document_id;  // "" for the journal as a whole
  std::string what;         // "original: sha256 is 12ab..., journal says 34cd..."
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

// One message of a pull queue: what a `type: table` destination delivered
// (issue 5), for integrators that cannot receive a webhook and pull with
// `facteur queue pull NAME`. One message per (queue, document).
struct QueueMessage {
  int64_t seq = 0;           // order of arrival, set by the store
  std::string queue;
  std::string document_id;   // the consumer's de-duplication key
  std::string metadata;      // JSON object (docs/delivery-payload.schema.json)
  std::string pdf_path;      // the stored searchable PDF, "" when none
  std::string pdf_sha256;    // of that PDF's bytes, "" when none
  std::string enqueued;      // ISO 8601 UTC
  std::string acked;         // ISO 8601 UTC, "" while waiting
  std::string acked_by;
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

  // --- Pull queues (issue 5, `type: table` destinations). Defaults return
  // kUnsupported.

  // Adds `message` (its seq, enqueued and acked are ignored) to its queue.
  // Idempotent per (queue, document_id): a waiting message is replaced, an
  // acknowledged one stays acknowledged and is never offered again.
  virtual Status Enqueue(const QueueMessage& message) {
    (void)message;
    return Status::Unsupported("store: no pull queues");
  }
  // Up to `limit` waiting messages of `queue`, oldest first. When `ack_by`
  // is not empty they are acknowledged by that operator in the same
  // transaction (journaled on each document); otherwise the pull can be
  // repeated and gives the same messages (at-least-once).
  virtual Result<std::vector<QueueMessage>> PullQueue(const std::string& queue, int limit,
                                                      const std::string& ack_by) {
    (void)queue, (void)limit, (void)ack_by;
    return Err(Status::Unsupported("store: no pull queues"));
  }

  // --- Added for issue 7 (search filters, integrity, retention). Defaults
  // return kUnsupported so other implementations keep compiling.

  // How many records Search would find without limit and offset.
  virtual Result<int64_t> Count(const SearchQuery& query);
  // The journal entries of one document (all when id is ""), oldest first.
  virtual Result<std::vector<JournalEntry>> Journal(const std::string& id);
  // The newest journal entry (the chain head); kNotFound when empty.
  virtual Result<JournalEntry> JournalHead();
  // Walks the whole chain and re-hashes the stored files of `ids` (all
  // records when empty) against the hashes journaled when they were
  // stored. An empty list means nothing was found altered.
  virtual Result<std::vector<IntegrityProblem>> Verify(const std::vector<std::string>& ids);

  // Puts a legal hold on a record (on = true) or releases it, journaled
  // with `reason`. A held record is never purged. kNotFound for an unknown id.
  virtual Status SetHold(const std::string& id, bool on, const std::string& reason);
  // Deletes every record past its class's retention period and not on
  // hold: rows, PDF, and the original when no other record shares it. Each
  // leaves a journaled tombstone ("purge") with the hashes it had. `years`
  // maps class -> years kept after the received date, "*" any other class;
  // a class with no entry is kept forever. `today` is YYYY-MM-DD. Returns
  // the ids purged (or that would be, when dry_run).
  virtual Result<std::vector<std::string>> Purge(const std::map<std::string, int>& years,
                                                 const std::string& today, bool dry_run);
};

// Opens (creating if needed) the store under `home`.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& home);

}  // namespace facteur

#endif  // FACTEUR_STORE_H_
