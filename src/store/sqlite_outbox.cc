// SqliteStore's outbox methods (the deliveries table; delivery_rows.h) and
// its pull queues (queue_messages).
#include "core/clock.h"
#include "store/delivery_rows.h"
#include "store/document_rows.h"
#include "store/journal.h"
#include "store/sqlite_store.h"

namespace facteur::store {

Result<std::vector<DeliveryRecord>> SqliteStore::ClaimDeliveries(int64_t now_ms, int64_t lease_ms, int limit) {
  Transaction txn(db_.get());
  if (!txn.status().ok()) return Err(txn.status().WithContext("store: claim deliveries"));
  auto rows = ClaimRows(db_.get(), now_ms, lease_ms, limit, NowIso8601());
  if (!rows) return Err(rows.error().WithContext("store: claim deliveries"));
  Status s = txn.Commit();
  if (!s.ok()) return Err(s.WithContext("store: claim deliveries"));
  return rows;
}

Status SqliteStore::FinishDelivery(const std::string& document_id, const std::string& destination,
                                   const DeliveryOutcome& outcome) {
  const std::string context = "store: delivery of " + document_id + " to " + destination;
  sqlite3* db = db_.get();
  Transaction txn(db);
  if (!txn.status().ok()) return txn.status().WithContext(context);
  std::string now = NowIso8601();
  Status s = FinishRow(db, document_id, destination, outcome, now);
  const char* what = outcome.kind == DeliveryOutcome::Kind::kDelivered ? "delivered"
                     : outcome.kind == DeliveryOutcome::Kind::kRetry   ? "failed, will retry"
                                                                        : "dead";
  // The journal entry commits with the state change. A document deleted since
  // (never, today) has no record to journal on: the state still counts.
  Result<std::optional<std::string>> exists = CreatedTime(db, document_id);
  if (s.ok() && exists && exists->has_value()) {
    s = InsertEvent(db, document_id, {now, "deliver", destination + ": " + what +
                                                          (outcome.message.empty() ? "" : ": " + outcome.message)});
  }
  if (s.ok()) s = txn.Commit();
  return s.ok() ? s : s.WithContext(context);
}

Result<std::vector<DeliveryRecord>> SqliteStore::ListDeliveries(const std::string& state,
                                                                const std::string& document_id, int limit) {
  auto rows = ListRows(db_.get(), state, document_id, limit);
  if (!rows) return Err(rows.error().WithContext("store: list deliveries"));
  return rows;
}

Result<int> SqliteStore::RequeueDeliveries(const std::string& document_id, const std::string& destination,
                                           bool replay) {
  sqlite3* db = db_.get();
  Transaction txn(db);
  if (!txn.status().ok()) return Err(txn.status().WithContext("store: requeue " + document_id));
  std::string now = NowIso8601();
  auto n = RequeueRows(db, document_id, destination, replay, NowMs(), now);
  if (!n) return Err(n.error().WithContext("store: requeue " + document_id));
  Result<std::optional<std::string>> exists = CreatedTime(db, document_id);
  if (*n > 0 && exists && exists->has_value()) {
    Status s = InsertEvent(db, document_id, {now, "deliver", (replay ? "replay " : "retry ") +
                                                                 (destination.empty() ? "all" : destination)});
    if (!s.ok()) return Err(s);
  }
  Status s = txn.Commit();
  if (!s.ok()) return Err(s.WithContext("store: requeue " + document_id));
  return n;
}

Status SqliteStore::Enqueue(const QueueMessage& message) {
  const std::string context = "store: queue " + message.queue + ": " + message.document_id;
  Transaction txn(db_.get());
  if (!txn.status().ok()) return txn.status().WithContext(context);
  Status s = InsertMessage(db_.get(), message, NowIso8601());
  if (s.ok()) s = txn.Commit();
  return s.ok() ? s : s.WithContext(context);
}

Result<std::vector<QueueMessage>> SqliteStore::PullQueue(const std::string& queue, int limit,
                                                         const std::string& ack_by) {
  const std::string context = "store: pull queue " + queue;
  sqlite3* db = db_.get();
  // A write transaction even for a peek: what is listed is what is acked.
  Transaction txn(db);
  if (!txn.status().ok()) return Err(txn.status().WithContext(context));
  auto messages = WaitingMessages(db, queue, limit);
  if (!messages) return Err(messages.error().WithContext(context));
  if (ack_by.empty()) return messages;
  const std::string now = NowIso8601();
  for (QueueMessage& m : *messages) {
    Status s = AckMessage(db, m.seq, ack_by, now);
    Result<std::optional<std::string>> exists = CreatedTime(db, m.document_id);
    if (!exists) s = exists.error();
    // The ack is journaled on the record (hash chain included) when it is
    // still there; a purged record leaves the message alone.
    if (s.ok() && exists->has_value()) {
      Event e{now, "deliver", queue + ": acknowledged by " + ack_by + " (message " + std::to_string(m.seq) + ")"};
      s = InsertEvent(db, m.document_id, e);
      if (s.ok()) s = AppendJournal(db, m.document_id, e);
    }
    if (!s.ok()) return Err(s.WithContext(context));
    m.acked = now;
    m.acked_by = ack_by;
  }
  Status s = txn.Commit();
  if (!s.ok()) return Err(s.WithContext(context));
  return messages;
}

}  // namespace facteur::store
