#include "store/delivery_rows.h"

#include <chrono>
#include <set>

#include "store/sqlite_util.h"

namespace facteur::store {
namespace {

const char kColumns[] =
    "document_id, destination, priority, due, state, attempts, next_attempt_ms, last_error, updated";

DeliveryRecord RowOf(const Statement& stmt) {
  return DeliveryRecord{.document_id = stmt.Text(0), .destination = stmt.Text(1),
                        .priority = static_cast<int>(stmt.Int(2)), .due = stmt.Text(3), .state = stmt.Text(4),
                        .attempts = static_cast<int>(stmt.Int(5)), .next_attempt_ms = stmt.Int(6),
                        .last_error = stmt.Text(7), .updated = stmt.Text(8)};
}

Result<std::vector<DeliveryRecord>> Collect(Statement& stmt) {
  std::vector<DeliveryRecord> out;
  for (;;) {
    Result<bool> row = stmt.Step();
    if (!row) return Err(row.error());
    if (!*row) return out;
    out.push_back(RowOf(stmt));
  }
}

}  // namespace

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Status WriteDeliveries(sqlite3* db, const Document& doc, int64_t now_ms, const std::string& now) {
  std::set<std::string> keep;
  for (size_t i = 0; i < doc.deliveries.size(); ++i) {
    const Delivery& d = doc.deliveries[i];
    if (d.destination.empty()) return Status::InvalidArgument("delivery with no destination");
    keep.insert(d.destination);
    Statement stmt(db,
                   "INSERT INTO deliveries (document_id, destination, position, priority, due, state, "
                   "next_attempt_ms, created, updated) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?) "
                   "ON CONFLICT (document_id, destination) DO UPDATE SET position = excluded.position, "
                   "priority = excluded.priority, due = excluded.due, updated = excluded.updated, "
                   "state = CASE WHEN state = 'cancelled' THEN 'pending' ELSE state END");
    stmt.Bind(doc.id).Bind(d.destination).Bind(static_cast<int>(i)).Bind(d.priority).Bind(d.due).Bind(now_ms)
        .Bind(now).Bind(now);
    FACTEUR_RETURN_IF_ERROR(stmt.Run());
  }
  Statement old(db, "SELECT destination FROM deliveries WHERE document_id = ? AND state IN ('pending', 'dead')");
  old.Bind(doc.id);
  std::vector<std::string> drop;
  for (;;) {
    Result<bool> row = old.Step();
    if (!row) return row.error();
    if (!*row) break;
    if (!keep.count(old.Text(0))) drop.push_back(old.Text(0));
  }
  for (const std::string& dest : drop) {
    Statement stmt(db, "UPDATE deliveries SET state = 'cancelled', updated = ? WHERE document_id = ? AND destination = ?");
    stmt.Bind(now).Bind(doc.id).Bind(dest);
    FACTEUR_RETURN_IF_ERROR(stmt.Run());
  }
  return Status::OK();
}

Result<std::vector<Delivery>> ReadDeliveries(sqlite3* db, const std::string& id) {
  Statement stmt(db,
                 "SELECT destination, priority, due FROM deliveries WHERE document_id = ? AND state != 'cancelled' "
                 "ORDER BY position");
  stmt.Bind(id);
  std::vector<Delivery> out;
  for (;;) {
    Result<bool> row = stmt.Step();
    if (!row) return Err(row.error());
    if (!*row) return out;
    out.push_back({.destination = stmt.Text(0), .priority = static_cast<int>(stmt.Int(1)), .due = stmt.Text(2)});
  }
}

Result<std::vector<DeliveryRecord>> ClaimRows(sqlite3* db, int64_t now_ms, int64_t lease_ms, int limit,
                                              const std::string& now) {
  Statement stmt(db, std::string("SELECT ") + kColumns +
                         " FROM deliveries WHERE state IN ('pending', 'in_flight') AND next_attempt_ms <= ? "
                         "ORDER BY priority DESC, due = '', due, next_attempt_ms LIMIT ?");
  stmt.Bind(now_ms).Bind(limit);
  auto rows = Collect(stmt);
  if (!rows) return rows;
  for (DeliveryRecord& r : *rows) {
    Statement claim(db,
                    "UPDATE deliveries SET state = 'in_flight', next_attempt_ms = ?, updated = ? "
                    "WHERE document_id = ? AND destination = ?");
    claim.Bind(now_ms + lease_ms).Bind(now).Bind(r.document_id).Bind(r.destination);
    Status s = claim.Run();
    if (!s.ok()) return Err(s);
    r.state = "in_flight";
    r.next_attempt_ms = now_ms + lease_ms;
    r.updated = now;
  }
  return rows;
}

Status FinishRow(sqlite3* db, const std::string& id, const std::string& destination,
                 const DeliveryOutcome& outcome, const std::string& now) {
  const char* state = outcome.kind == DeliveryOutcome::Kind::kDelivered ? "delivered"
                      : outcome.kind == DeliveryOutcome::Kind::kRetry   ? "pending"
                                                                         : "dead";
  Statement stmt(db,
                 "UPDATE deliveries SET state = ?, attempts = attempts + 1, next_attempt_ms = ?, last_error = ?, "
                 "updated = ? WHERE document_id = ? AND destination = ? AND state = 'in_flight'");
  stmt.Bind(state).Bind(outcome.retry_at_ms)
      .Bind(outcome.kind == DeliveryOutcome::Kind::kDelivered ? std::string() : outcome.message)
      .Bind(now).Bind(id).Bind(destination);
  FACTEUR_RETURN_IF_ERROR(stmt.Run());
  if (sqlite3_changes(db) == 0) {
    return Status::NotFound("no delivery of '" + id + "' to '" + destination + "' in flight");
  }
  return Status::OK();
}

Result<std::vector<DeliveryRecord>> ListRows(sqlite3* db, const std::string& state, const std::string& id,
                                             int limit) {
  Statement stmt(db, std::string("SELECT ") + kColumns +
                         " FROM deliveries WHERE (?1 = '' OR state = ?1) AND (?2 = '' OR document_id = ?2) "
                         "ORDER BY updated DESC, document_id, position LIMIT ?3");
  stmt.Bind(state).Bind(id).Bind(limit);
  return Collect(stmt);
}

Result<int> RequeueRows(sqlite3* db, const std::string& id, const std::string& destination, bool replay,
                        int64_t now_ms, const std::string& now) {
  Statement stmt(db,
                 "UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt_ms = ?, last_error = '', "
                 "updated = ? WHERE document_id = ? AND (? = '' OR destination = ?) AND "
                 "(state IN ('pending', 'dead', 'in_flight') OR (? AND state = 'delivered'))");
  stmt.Bind(now_ms).Bind(now).Bind(id).Bind(destination).Bind(destination).Bind(replay);
  if (Status s = stmt.Run(); !s.ok()) return Err(s);
  return sqlite3_changes(db);
}

Status InsertMessage(sqlite3* db, const QueueMessage& m, const std::string& now) {
  if (m.queue.empty() || m.document_id.empty()) return Status::InvalidArgument("queue message with no queue or id");
  Statement stmt(db,
                 "INSERT INTO queue_messages (queue, document_id, metadata, pdf_path, pdf_sha256, enqueued) "
                 "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (queue, document_id) DO UPDATE SET "
                 "metadata = excluded.metadata, pdf_path = excluded.pdf_path, pdf_sha256 = excluded.pdf_sha256 "
                 "WHERE acked = ''");
  stmt.Bind(m.queue).Bind(m.document_id).Bind(m.metadata).Bind(m.pdf_path).Bind(m.pdf_sha256).Bind(now);
  return stmt.Run();
}

Result<std::vector<QueueMessage>> WaitingMessages(sqlite3* db, const std::string& queue, int limit) {
  Statement stmt(db,
                 "SELECT seq, queue, document_id, metadata, pdf_path, pdf_sha256, enqueued, acked, acked_by "
                 "FROM queue_messages WHERE queue = ? AND acked = '' ORDER BY seq LIMIT ?");
  stmt.Bind(queue).Bind(limit);
  std::vector<QueueMessage> out;
  for (;;) {
    Result<bool> row = stmt.Step();
    if (!row) return Err(row.error());
    if (!*row) return out;
    out.push_back({.seq = stmt.Int(0), .queue = stmt.Text(1), .document_id = stmt.Text(2), .metadata = stmt.Text(3),
                   .pdf_path = stmt.Text(4), .pdf_sha256 = stmt.Text(5), .enqueued = stmt.Text(6),
                   .acked = stmt.Text(7), .acked_by = stmt.Text(8)});
  }
}

Status AckMessage(sqlite3* db, int64_t seq, const std::string& who, const std::string& now) {
  Statement stmt(db, "UPDATE queue_messages SET acked = ?, acked_by = ? WHERE seq = ? AND acked = ''");
  stmt.Bind(now).Bind(who).Bind(seq);
  return stmt.Run();
}

}  // namespace facteur::store
