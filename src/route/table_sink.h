// TableSink: delivers into a pull queue, a table of the store itself
// (queue_messages), for integrators that cannot receive a webhook and pull
// with `facteur queue pull NAME [--ack]` (docs/queues.md).
//
//   destinations:
//     erp-inbound: {type: table, queue: erp}   # queue defaults to the destination name
//
// The message holds the document id, the destination, the metadata JSON (as
// the webhook's metadata part) and the stored PDF's path and SHA-256.
// Delivering again replaces a waiting message and leaves an acknowledged one
// alone, so the queue holds one message per document (idempotent).
//
// The sink opens its own connection to HOME's store on first use: the
// deliverer holds no transaction while a sink runs, so the two never wait on
// each other.
#ifndef FACTEUR_ROUTE_TABLE_SINK_H_
#define FACTEUR_ROUTE_TABLE_SINK_H_

#include <memory>
#include <string>

#include "facteur/settings.h"
#include "facteur/sink.h"
#include "route/retry_policy.h"

namespace facteur::route {

struct TableSinkOptions {
  std::string home;   // the store's folder
  std::string queue;  // the pull queue's name (what `facteur queue pull` takes)
  RetryPolicy retry;  // for a busy or unwritable store
};

std::unique_ptr<Sink> NewTableSink(std::string name, TableSinkOptions options);

// Reads queue (default: the destination's name) and retry settings.
Result<TableSinkOptions> TableSinkOptionsFrom(const Settings& s, const std::string& home, const std::string& name);

}  // namespace facteur::route

#endif  // FACTEUR_ROUTE_TABLE_SINK_H_
