// facteur queue: see and re-drive the outbox (deliveries to CRM/GED queues).
#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "facteur/store.h"
#include "route/deliverer.h"

namespace facteur {
namespace {

const char kHelp[] = R"(usage: facteur queue list [--state S] | show ID | retry ID [DEST] |
                    replay ID DEST | dead | deliver [--wait SECONDS]

Each routed document has one delivery per destination queue, written in the
same transaction as its record (the outbox). States: pending, in_flight,
delivered, dead (given up after max attempts or refused by the receiver),
cancelled (re-routed elsewhere before delivery).

  list      deliveries, newest first (--state pending|in_flight|delivered|dead)
  show ID   one document's deliveries, with attempts and the last error
  retry     make a document's dead or pending deliveries due now, then deliver
  replay    deliver again even if delivered (receivers de-duplicate on the
            Idempotency-Key, so this is safe)
  dead      the dead-letter list
  deliver   deliver what is due; --wait N keeps retrying for up to N seconds

options:
  --home DIR        store folder (default: $FACTEUR_HOME, else ./var)
  --pipeline FILE   pipeline whose route section declares the destinations
  --limit N         rows listed (default 100)
)";

void Print(const std::vector<DeliveryRecord>& rows) {
  std::printf("%-24s %-18s %-10s %3s %-20s %s\n", "document", "destination", "state", "try", "due", "last error");
  for (const DeliveryRecord& r : rows) {
    std::printf("%-24s %-18s %-10s %3d %-20s %s\n", r.document_id.c_str(), r.destination.c_str(), r.state.c_str(),
                r.attempts, r.due.empty() ? "-" : r.due.c_str(), r.last_error.c_str());
  }
}

int Deliver(const Flags& flags, Store& store, const std::string& home, long wait_seconds) {
  auto pipeline = PipelinePath(flags);
  if (!pipeline) return ReportError("queue", pipeline.error());
  auto destinations = route::Destinations::FromPipelineFile(*pipeline, home);
  if (!destinations) return ReportError("queue", destinations.error());
  auto report = route::DeliverUntilSettled(store, **destinations, wait_seconds * 1000);
  if (!report) return ReportError("queue", report.error());
  std::printf("delivered %d, to retry %d, dead %d\n", report->delivered, report->retried, report->dead);
  return 0;
}

}  // namespace

int QueueCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("queue", args, {{"home", true}, {"pipeline", true}, {"state", true}, {"limit", true}, {"wait", true}},
                   kHelp, flags, code))
    return code;
  const auto& pos = flags.positional();
  if (pos.empty()) return ReportError("queue", Status::InvalidArgument("give an action: list, show, retry, replay, dead, deliver"));
  auto limit = flags.GetInt("limit", 100, 1, 1000000);
  if (!limit) return ReportError("queue", limit.error());
  auto wait = flags.GetInt("wait", 0, 0, 86400);
  if (!wait) return ReportError("queue", wait.error());
  const std::string home = HomeDir(flags);
  auto store = OpenSqliteStore(home);
  if (!store) return ReportError("queue", store.error());
  const std::string& action = pos[0];
  auto need = [&](size_t n) { return pos.size() >= n + 1 && pos.size() <= n + 2; };
  if (action == "list" || action == "dead") {
    std::string state = action == "dead" ? "dead" : (flags.Has("state") ? flags.Get("state") : "");
    auto rows = (*store)->ListDeliveries(state, "", static_cast<int>(*limit));
    if (!rows) return ReportError("queue", rows.error());
    Print(*rows);
    return 0;
  }
  if (action == "show" && pos.size() == 2) {
    auto rows = (*store)->ListDeliveries("", pos[1], static_cast<int>(*limit));
    if (!rows) return ReportError("queue", rows.error());
    if (rows->empty()) return ReportError("queue", Status::NotFound("no delivery for '" + pos[1] + "'"));
    Print(*rows);
    return 0;
  }
  if ((action == "retry" && need(1)) || (action == "replay" && pos.size() == 3)) {
    auto n = (*store)->RequeueDeliveries(pos[1], pos.size() > 2 ? pos[2] : "", action == "replay");
    if (!n) return ReportError("queue", n.error());
    if (*n == 0) return ReportError("queue", Status::NotFound("nothing to " + action + " for '" + pos[1] + "'"));
    std::printf("%d delivery(ies) due now\n", *n);
    return Deliver(flags, **store, home, *wait);
  }
  if (action == "deliver" && pos.size() == 1) return Deliver(flags, **store, home, *wait);
  return ReportError("queue", Status::InvalidArgument("bad action '" + action + "' or arguments (see --help)"));
}

}  // namespace facteur
