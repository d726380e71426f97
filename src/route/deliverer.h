// Destinations (queue name -> Sink) and the delivery worker that drains the
// store's outbox into them.
//
//   - route:
//       destinations:
//         ged-invoices: {type: folder, path: out/ged, name: '{date}_{id}'}
//         crm-complaints: {type: webhook, url: 'https://crm.example.fr/inbound',
//                          secret_env: FACTEUR_CRM_SECRET, max_attempts: 8,
//                          base_delay: 30s}
//         erp-inbound: {type: table, queue: erp}   # a pull queue in the store
//
// A queue that is not declared is a folder queue at HOME/out/<queue>/, so
// the default pipeline works with no server.
#ifndef FACTEUR_ROUTE_DELIVERER_H_
#define FACTEUR_ROUTE_DELIVERER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "facteur/settings.h"
#include "facteur/sink.h"
#include "facteur/store.h"

namespace facteur::route {

class Destinations {
 public:
  explicit Destinations(std::string home) : home_(std::move(home)) {}
  // The `destinations:` map of a route section. Errors name file and line.
  static Result<std::unique_ptr<Destinations>> FromRouteSettings(const Settings& route, const std::string& home);
  // The route section of a pipeline file (none: only folder queues).
  static Result<std::unique_ptr<Destinations>> FromPipelineFile(const std::string& path, const std::string& home);

  void Add(std::unique_ptr<Sink> sink);
  // The sink of `queue`; a folder sink under HOME/out/ for undeclared ones.
  Sink& For(const std::string& queue);

 private:
  const std::string home_;
  std::map<std::string, std::unique_ptr<Sink>, std::less<>> sinks_;
};

struct DeliverReport {
  int delivered = 0;
  int retried = 0;  // failed attempts that will be tried again
  int dead = 0;
};

// Claims due rows in batches and delivers each, until none is due now.
// Every attempt is journaled (Store::FinishDelivery). A row whose record is
// gone is dead. Only store errors are returned.
Result<DeliverReport> DeliverDue(Store& store, Destinations& destinations, int64_t lease_ms = 300000);

// DeliverDue, then waits for the next pending row's time (or the expiry of
// a claim left by a worker that died) and goes again, until nothing is
// pending or in flight, or `max_wait_ms` has passed. `lease_ms` must exceed
// the longest delivery (the webhook's timeouts): a claim that expires while
// its worker still delivers lets another worker send the document too.
Result<DeliverReport> DeliverUntilSettled(Store& store, Destinations& destinations, int64_t max_wait_ms,
                                          int64_t lease_ms = 300000);

}  // namespace facteur::route

#endif  // FACTEUR_ROUTE_DELIVERER_H_
