// Rows of the outbox (table deliveries, schema migration 4) and of the pull
// queues (table queue_messages, migration 6).
//
// These functions only run SQL; transactions are the caller's (SqliteStore).
// REQUIRES for the writers: an open write transaction on db.
#ifndef FACTEUR_STORE_DELIVERY_ROWS_H_
#define FACTEUR_STORE_DELIVERY_ROWS_H_

#include <cstdint>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "facteur/document.h"
#include "facteur/status.h"
#include "facteur/store.h"

namespace facteur::store {

// Unix time in milliseconds, wall clock.
int64_t NowMs();

// Upserts one row per doc.deliveries entry (new: pending, due now; existing:
// priority, due and position updated, state kept) and cancels pending/dead
// rows of destinations the document no longer has.
Status WriteDeliveries(sqlite3* db, const Document& doc, int64_t now_ms, const std::string& now);

// The document's deliveries (destination, priority, due) in route order.
Result<std::vector<Delivery>> ReadDeliveries(sqlite3* db, const std::string& id);

Result<std::vector<DeliveryRecord>> ClaimRows(sqlite3* db, int64_t now_ms, int64_t lease_ms, int limit,
                                              const std::string& now);
// kNotFound when the row is not in_flight.
Status FinishRow(sqlite3* db, const std::string& id, const std::string& destination,
                 const DeliveryOutcome& outcome, const std::string& now);
Result<std::vector<DeliveryRecord>> ListRows(sqlite3* db, const std::string& state, const std::string& id,
                                             int limit);
Result<int> RequeueRows(sqlite3* db, const std::string& id, const std::string& destination, bool replay,
                        int64_t now_ms, const std::string& now);

// Pull queues. InsertMessage is idempotent per (queue, document_id) and
// never touches an acknowledged message.
Status InsertMessage(sqlite3* db, const QueueMessage& m, const std::string& now);
Result<std::vector<QueueMessage>> WaitingMessages(sqlite3* db, const std::string& queue, int limit);
Status AckMessage(sqlite3* db, int64_t seq, const std::string& who, const std::string& now);

}  // namespace facteur::store

#endif  // FACTEUR_STORE_DELIVERY_ROWS_H_
