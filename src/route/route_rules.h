// RouteTable: the `route` stage's rules, parsed once from the pipeline file,
// and the pure function that applies them to a classified document.
//
//   - route:
//       mode: first            # first (the first matching rule wins) | all
//       review_queue: review   # documents in review go here, and only here
//       default: [inbox]       # when no rule matches (empty: no delivery)
//       rules:
//         - name: complaints
//           when: {class: complaint, min_confidence: 0.5, channel: fax,
//                  sender: 'regex', fields: {contract: present,
//                  iban: {pattern: '^FR'}, currency: {value: EUR}}}
//           to: [crm-complaints]
//           priority: 5          # higher is delivered first
//           due: 48h             # SLA from the received time: 30m, 48h, 10d
//
// Every condition of `when` must hold; an absent condition always holds.
// `class` and `channel` take one value or a list. `sender` is a regex
// searched in the source context's "sender" (fax CSID, e-mail...) and in the
// original's path. Patterns are ECMAScript, case-insensitive.
//
// Thread safety: a RouteTable is immutable after parsing.
#ifndef FACTEUR_ROUTE_ROUTE_RULES_H_
#define FACTEUR_ROUTE_ROUTE_RULES_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "facteur/document.h"
#include "facteur/settings.h"
#include "facteur/status.h"

namespace facteur::route {

struct FieldCondition {
  std::string name;
  enum class Kind { kPresent, kValue, kPattern } kind = Kind::kPresent;
  std::string value;                    // kValue: exact value (case-sensitive)
  std::shared_ptr<const std::regex> pattern;  // kPattern
};

struct RouteRule {
  std::string name;
  std::vector<std::string> classes;     // empty = any
  double min_confidence = 0;
  std::vector<Channel> channels;        // empty = any
  std::shared_ptr<const std::regex> sender;  // null = any
  std::vector<FieldCondition> fields;
  std::vector<std::string> to;          // destinations (queue names), at least one
  int priority = 0;
  int64_t due_seconds = 0;              // 0 = no deadline
};

struct RouteTable {
  bool all_matches = false;             // mode: all
  std::string review_queue = "review";
  int review_priority = 0;
  int64_t review_due_seconds = 0;
  std::vector<std::string> fallback;    // `default`
  std::vector<RouteRule> rules;
};

// Errors: kInvalidArgument "pipelines/x.yaml:12: route: ..." for unknown
// modes, channels, bad durations or patterns, a rule with no destination.
Result<RouteTable> ParseRouteTable(const Settings& s);

// The settings of the `route` stage in the pipeline file at `path`;
// nullopt when the pipeline has none. Errors: unreadable file, YAML errors
// (naming file and line).
Result<std::optional<Settings>> RouteSectionOf(const std::string& path);

// "48h" -> 172800. Units s, m, h, d. Errors: kInvalidArgument.
Result<int64_t> ParseDuration(const std::string& text);

// ISO 8601 UTC "2026-11-22T17:41:00Z" + seconds, same format.
// Errors: kInvalidArgument when `iso` is not in that form.
Result<std::string> AddSeconds(const std::string& iso, int64_t seconds);

// The rules' names that matched and the deliveries they give, in order, one
// per destination (the first rule naming a destination sets its priority and
// due time). A document with status review gets only the review queue.
struct RouteDecision {
  std::vector<std::string> matched;
  std::vector<Delivery> deliveries;
};
Result<RouteDecision> Decide(const RouteTable& table, const Document& doc);

}  // namespace facteur::route

#endif  // FACTEUR_ROUTE_ROUTE_RULES_H_
