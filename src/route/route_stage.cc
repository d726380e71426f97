// The `route` document stage: applies the pipeline's RouteTable after
// classification, filling Document::queues and Document::deliveries. The
// store writes one outbox row per delivery in the record's transaction.
#include <string>
#include <utility>

#include "core/clock.h"
#include "core/stage_registry.h"
#include "route/route_rules.h"

namespace facteur {
namespace {

class RouteStage : public DocumentStage {
 public:
  explicit RouteStage(route::RouteTable table) : table_(std::move(table)) {}
  std::string_view Name() const override { return "route"; }
  bool AppliesTo(const Document& doc) const override {
    return doc.status == DocStatus::kDone || doc.status == DocStatus::kReview;
  }

  // Re-running replaces the earlier decision (a corrected class re-routes).
  Status Run(Document& doc, RunContext& ctx) override {
    (void)ctx;
    auto decision = route::Decide(table_, doc);
    if (!decision) return decision.error();
    doc.deliveries = std::move(decision->deliveries);
    doc.queues.clear();
    std::string message;
    for (const Delivery& d : doc.deliveries) {
      doc.queues.push_back(d.destination);
      message += (message.empty() ? "" : ", ") + d.destination + (d.due.empty() ? "" : " due " + d.due);
    }
    std::string rules;
    for (const std::string& r : decision->matched) rules += (rules.empty() ? "" : ", ") + r;
    if (doc.status == DocStatus::kReview) rules = "review";
    doc.events.push_back({NowIso8601(), "route",
                          (message.empty() ? std::string("no destination") : "to " + message) +
                              (rules.empty() ? " (no rule matched)" : " (" + rules + ")")});
    return Status::OK();
  }

 private:
  const route::RouteTable table_;
};

Result<std::unique_ptr<Stage>> NewRouteStage(const Settings& s) {
  auto table = route::ParseRouteTable(s);
  if (!table) return Err(table.error());
  return std::unique_ptr<Stage>(new RouteStage(std::move(*table)));
}

}  // namespace

void RegisterRouteStages(StageRegistry& registry) {
  registry.Add("route", "routing rules (class, confidence, fields, channel, sender) -> queues, priority, SLA",
               NewRouteStage);
}

}  // namespace facteur
