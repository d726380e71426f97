#include "route/correction.h"

#include <cstdio>
#include <utility>

#include "core/files.h"
#include "facteur/settings.h"

namespace facteur::route {

Status ApplyCorrection(Document& doc, const Correction& c, const RouteTable& table) {
  if (c.label.empty()) return Status::InvalidArgument(doc.id + ": the corrected class must not be empty");
  if (doc.status != DocStatus::kReview && doc.status != DocStatus::kDone) {
    return Status::InvalidArgument(doc.id + ": status is " + DocStatusName(doc.status) +
                                   "; only records in review or done can be corrected");
  }
  char was[160];
  std::snprintf(was, sizeof was, "class %s (%.2f, %s)", doc.classification.label.empty() ? "-" : doc.classification.label.c_str(),
                doc.classification.confidence, DocStatusName(doc.status));
  std::string what = std::string(was) + " -> " + c.label;
  for (const auto& [name, value] : c.fields) {
    if (name.empty()) return Status::InvalidArgument(doc.id + ": a field needs a name (--field name=value)");
    auto it = doc.fields.find(name);
    std::string before = it == doc.fields.end() ? "-" : it->second.value;
    if (value.empty()) {
      doc.fields.erase(name);
    } else {
      Field f;
      f.value = value;
      f.confidence = 1;
      doc.fields[name] = f;
    }
    what += "; " + name + ": " + before + " -> " + (value.empty() ? "-" : value);
  }
  doc.classification.label = c.label;
  doc.classification.confidence = 1;
  doc.classification.reason = "operator correction by " + c.who + " (was " + was + ")";
  doc.status = DocStatus::kDone;
  doc.error.clear();
  doc.events.push_back({c.time, "review", "corrected by " + c.who + ": " + what});

  auto decision = Decide(table, doc);
  if (!decision) return decision.error().WithContext(doc.id);
  doc.deliveries = std::move(decision->deliveries);
  doc.queues.clear();
  std::string to;
  for (const Delivery& d : doc.deliveries) {
    doc.queues.push_back(d.destination);
    to += (to.empty() ? "" : ", ") + d.destination + (d.due.empty() ? "" : " due " + d.due);
  }
  std::string rules;
  for (const std::string& r : decision->matched) rules += (rules.empty() ? "" : ", ") + r;
  doc.events.push_back({c.time, "route", (to.empty() ? std::string("no destination") : "re-routed to " + to) +
                                             (rules.empty() ? " (no rule matched)" : " (" + rules + ")")});
  return Status::OK();
}

Result<RouteTable> RouteTableFromPipelineFile(const std::string& path) {
  auto route = RouteSectionOf(path);
  if (!route) return Err(route.error());
  if (!*route) return Err(Status::NotFound(path + ": the pipeline has no route stage"));
  return ParseRouteTable(**route);
}

}  // namespace facteur::route
