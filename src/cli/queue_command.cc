// facteur queue: see and re-drive the outbox (deliveries to CRM/GED queues).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/commands.h"
#include "facteur/store.h"
#include "route/deliverer.h"

namespace facteur {
namespace {

const char kHelp[] = R"(usage: facteur queue list [--state S] | show ID | retry ID [DEST] |
                    replay ID DEST | dead | deliver [--wait SECONDS] |
                    pull NAME [--limit N] [--ack [--operator WHO]] [--json]

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
  pull NAME the waiting messages of pull queue NAME (a `type: table`
            destination), oldest first. Without --ack a pull can be repeated
            and gives the same messages (at-least-once: de-duplicate on the
            document id). --ack acknowledges them in the same transaction
            (journaled, who = --operator or $USER): never returned again.
            --json prints one JSON object per line (docs/queues.md).

options:
  --home DIR        store folder (default: $FACTEUR_HOME, else ./var)
  --pipeline FILE   pipeline whose route section declares the destinations
  --limit N         rows listed or messages pulled (default 100)
  --lease SECONDS   deliver: how long a claimed delivery is this worker's
                    (default 300); after a crash its claims come back when
                    they expire. Must exceed the longest delivery attempt.
)";

void Print(const std::vector<DeliveryRecord>& rows) {
  std::printf("%-24s %-18s %-10s %3s %-20s %s\n", "document", "destination", "state", "try", "due", "last error");
  for (const DeliveryRecord& r : rows) {
    std::printf("%-24s %-18s %-10s %3d %-20s %s\n", r.document_id.c_str(), r.destination.c_str(), r.state.c_str(),
                r.attempts, r.due.empty() ? "-" : r.due.c_str(), r.last_error.c_str());
  }
}

int Deliver(const Flags& flags, Store& store, const std::string& home, long wait_seconds) {
  auto lease = flags.GetInt("lease", 300, 1, 86400);
  if (!lease) return ReportError("queue", lease.error());
  auto pipeline = PipelinePath(flags);
  if (!pipeline) return ReportError("queue", pipeline.error());
  auto destinations = route::Destinations::FromPipelineFile(*pipeline, home);
  if (!destinations) return ReportError("queue", destinations.error());
  auto report = route::DeliverUntilSettled(store, **destinations, wait_seconds * 1000, *lease * 1000);
  if (!report) return ReportError("queue", report.error());
  std::printf("delivered %d, to retry %d, dead %d\n", report->delivered, report->retried, report->dead);
  return 0;
}

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// One JSON object per message; "metadata" is the stored JSON object as is.
void PrintMessageLine(const QueueMessage& m) {
  std::printf("{\"seq\":%lld,\"queue\":%s,\"document_id\":%s,\"enqueued\":%s,\"acked\":%s,"
              "\"pdf\":{\"path\":%s,\"sha256\":%s},\"metadata\":%s}\n",
              static_cast<long long>(m.seq), Quote(m.queue).c_str(), Quote(m.document_id).c_str(),
              Quote(m.enqueued).c_str(), m.acked.empty() ? "null" : Quote(m.acked).c_str(), Quote(m.pdf_path).c_str(),
              Quote(m.pdf_sha256).c_str(), m.metadata.empty() ? "null" : m.metadata.c_str());
}

int Pull(const Flags& flags, Store& store, const std::string& queue, int limit) {
  std::string who;
  if (flags.Has("ack")) {
    const char* user = std::getenv("USER");
    who = flags.Has("operator") ? flags.Get("operator") : (user && *user ? user : "unknown");
  }
  auto messages = store.PullQueue(queue, limit, who);
  if (!messages) return ReportError("queue", messages.error());
  if (flags.Has("json")) {
    for (const QueueMessage& m : *messages) PrintMessageLine(m);
    return 0;
  }
  std::printf("%-6s %-24s %-20s %s\n", "seq", "document", "enqueued", "pdf");
  for (const QueueMessage& m : *messages) {
    std::printf("%-6lld %-24s %-20s %s\n", static_cast<long long>(m.seq), m.document_id.c_str(), m.enqueued.c_str(),
                m.pdf_path.empty() ? "-" : m.pdf_path.c_str());
  }
  std::printf("%zu message(s)%s\n", messages->size(), who.empty() ? "" : (", acknowledged by " + who).c_str());
  return 0;
}

}  // namespace

int QueueCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("queue", args, {{"home", true}, {"pipeline", true}, {"state", true}, {"limit", true}, {"wait", true}, {"lease", true},
                    {"ack", false}, {"operator", true}, {"json", false}},
                   kHelp, flags, code))
    return code;
  const auto& pos = flags.positional();
  if (pos.empty()) return ReportError("queue", Status::InvalidArgument("give an action: list, show, retry, replay, dead, deliver, pull"));
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
  if (action == "pull" && pos.size() == 2) return Pull(flags, **store, pos[1], static_cast<int>(*limit));
  if (action == "deliver" && pos.size() == 1) return Deliver(flags, **store, home, *wait);
  return ReportError("queue", Status::InvalidArgument("bad action '" + action + "' or arguments (see --help)"));
}

}  // namespace facteur
