// facteur queue: see and re-drive the outbox (deliveries to CRM/GED queues).
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

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

// One JSON object per message; "metadata" is the stored JSON object as is.
void PrintMessageLine(const QueueMessage& m) {
  Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
  line.set("seq", m.seq);
  line.set("queue", m.queue);
  line.set("document_id", m.document_id);
  line.set("enqueued", m.enqueued);
  line.set("acked", m.acked.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(m.acked));
  Poco::JSON::Object::Ptr pdf = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  pdf->set("path", m.pdf_path);
  pdf->set("sha256", m.pdf_sha256);
  line.set("pdf", pdf);
  Poco::Dynamic::Var metadata;
  try {
    if (!m.metadata.empty()) metadata = Poco::JSON::Parser().parse(m.metadata);
  } catch (const Poco::Exception&) {
    metadata = m.metadata;  // not JSON: handed over as a string
  }
  line.set("metadata", metadata);
  std::ostringstream out;
  line.stringify(out);
  std::printf("%s\n", out.str().c_str());
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
