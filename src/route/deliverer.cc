#include "route/deliverer.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "core/files.h"
#include "route/folder_sink.h"
#include "route/route_rules.h"
#include "route/table_sink.h"
#include "route/webhook_sink.h"

namespace facteur::route {
namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Status Accumulate(DeliverReport& total, const DeliveryOutcome& outcome) {
  switch (outcome.kind) {
    case DeliveryOutcome::Kind::kDelivered: ++total.delivered; break;
    case DeliveryOutcome::Kind::kRetry: ++total.retried; break;
    case DeliveryOutcome::Kind::kDead: ++total.dead; break;
  }
  return Status::OK();
}

}  // namespace

Result<std::unique_ptr<Destinations>> Destinations::FromRouteSettings(const Settings& route, const std::string& home) {
  auto out = std::make_unique<Destinations>(home);
  auto map = route.Child("destinations");
  if (!map) return Err(map.error());
  for (const std::string& name : map->Keys()) {
    auto s = map->Child(name);
    if (!s) return Err(s.error());
    auto type = s->String("type", "folder");
    if (!type) return Err(type.error());
    if (*type == "folder") {
      auto o = FolderSinkOptionsFrom(*s, home, name);
      if (!o) return Err(o.error());
      out->Add(NewFolderSink(name, std::move(*o)));
    } else if (*type == "webhook") {
      auto o = WebhookSinkOptionsFrom(*s);
      if (!o) return Err(o.error());
      out->Add(NewWebhookSink(name, std::move(*o)));
    } else if (*type == "table") {
      auto o = TableSinkOptionsFrom(*s, home, name);
      if (!o) return Err(o.error());
      out->Add(NewTableSink(name, std::move(*o)));
    } else {
      return Err(s->Error("route: destination '" + name + "': unknown type '" + *type + "' (folder, webhook, table)"));
    }
  }
  return out;
}

Result<std::unique_ptr<Destinations>> Destinations::FromPipelineFile(const std::string& path, const std::string& home) {
  auto route = RouteSectionOf(path);
  if (!route) return Err(route.error());
  if (!*route) return std::make_unique<Destinations>(home);
  return FromRouteSettings(**route, home);
}

void Destinations::Add(std::unique_ptr<Sink> sink) {
  std::string name(sink->Name());
  sinks_[name] = std::move(sink);
}

Sink& Destinations::For(const std::string& queue) {
  auto it = sinks_.find(queue);
  if (it != sinks_.end()) return *it->second;
  FolderSinkOptions o;
  o.folder = home_ + "/out/" + queue;
  auto sink = NewFolderSink(queue, std::move(o));
  Sink& ref = *sink;
  sinks_[queue] = std::move(sink);
  return ref;
}

Result<DeliverReport> DeliverDue(Store& store, Destinations& destinations, int64_t lease_ms) {
  DeliverReport total;
  for (;;) {
    auto rows = store.ClaimDeliveries(NowMs(), lease_ms, 16);
    if (!rows) return Err(rows.error());
    if (rows->empty()) return total;
    for (const DeliveryRecord& row : *rows) {
      DeliveryOutcome outcome;
      auto doc = store.Get(row.document_id);
      if (!doc && doc.error().code() != Status::Code::kNotFound) return Err(doc.error());
      if (!doc) {
        outcome = {DeliveryOutcome::Kind::kDead, 0, "the record is gone"};
      } else {
        Delivery delivery{.destination = row.destination, .priority = row.priority, .due = row.due};
        outcome = destinations.For(row.destination).Deliver(*doc, delivery, row.attempts + 1, NowMs());
      }
      Status s = store.FinishDelivery(row.document_id, row.destination, outcome);
      if (!s.ok()) return Err(s);
      (void)Accumulate(total, outcome);
    }
  }
}

Result<DeliverReport> DeliverUntilSettled(Store& store, Destinations& destinations, int64_t max_wait_ms,
                                          int64_t lease_ms) {
  DeliverReport total;
  const int64_t deadline = NowMs() + max_wait_ms;
  for (;;) {
    auto pass = DeliverDue(store, destinations, lease_ms);
    if (!pass) return pass;
    total.delivered += pass->delivered;
    total.retried += pass->retried;
    total.dead += pass->dead;
    // Rows still in flight after our pass were claimed by a worker that died
    // (or by another one): their claim expires at next_attempt_ms, and then
    // they are due again, so they are waited for like pending ones.
    bool any = false;
    int64_t next = 0;
    for (const char* state : {"pending", "in_flight"}) {
      auto rows = store.ListDeliveries(state, "", 1 << 20);
      if (!rows) return Err(rows.error());
      for (const DeliveryRecord& r : *rows) {
        next = any ? std::min(next, r.next_attempt_ms) : r.next_attempt_ms;
        any = true;
      }
    }
    if (!any) return total;
    const int64_t now = NowMs();
    if (next > deadline || now >= deadline) return total;
    if (next > now) std::this_thread::sleep_for(std::chrono::milliseconds(next - now));
  }
}

}  // namespace facteur::route
