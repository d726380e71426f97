#include "route/route_rules.h"

#include "core/files.h"

#include <ctime>
#include <set>

#include "core/clock.h"

namespace facteur::route {
namespace {

Result<std::shared_ptr<const std::regex>> Compile(const Settings& where, const std::string& what,
                                                  const std::string& pattern) {
  try {
    return std::make_shared<const std::regex>(pattern, std::regex::ECMAScript | std::regex::icase);
  } catch (const std::regex_error& e) {
    return Err(where.Error("route: " + what + ": bad pattern '" + pattern + "': " + e.what()));
  }
}

Result<Channel> ParseChannel(const Settings& where, const std::string& name) {
  for (Channel c : {Channel::kBatch, Channel::kFax, Channel::kFolder}) {
    if (name == ChannelName(c)) return c;
  }
  return Err(where.Error("route: unknown channel '" + name + "' (batch, fax, folder)"));
}

Result<std::vector<FieldCondition>> ParseFields(const Settings& when) {
  std::vector<FieldCondition> out;
  auto fields = when.Child("fields");
  if (!fields) return Err(fields.error());
  for (const std::string& name : fields->Keys()) {
    FieldCondition c;
    c.name = name;
    // A scalar reads as a string; a map does not (and is read below).
    if (auto scalar = fields->String(name, ""); scalar) {
      if (*scalar != "present") {
        return Err(fields->Error("route: field '" + name + "': want present, {value: V} or {pattern: RE}"));
      }
      out.push_back(std::move(c));
      continue;
    }
    auto node = fields->Child(name);
    if (!node) return Err(node.error());
    if (node->Has("value")) {
      auto v = node->String("value", "");
      if (!v) return Err(v.error());
      c.kind = FieldCondition::Kind::kValue;
      c.value = *v;
    } else if (node->Has("pattern")) {
      auto p = node->String("pattern", "");
      if (!p) return Err(p.error());
      auto re = Compile(*node, "field '" + name + "'", *p);
      if (!re) return Err(re.error());
      c.kind = FieldCondition::Kind::kPattern;
      c.pattern = *re;
    } else {
      return Err(node->Error("route: field '" + name + "': want present, {value: V} or {pattern: RE}"));
    }
    out.push_back(std::move(c));
  }
  return out;
}

Status ParseWhen(const Settings& rule, RouteRule& r) {
  auto when = rule.Child("when");
  if (!when) return when.error();
  auto classes = when->StringList("class");
  if (!classes) return classes.error();
  r.classes = *classes;
  auto conf = when->Double("min_confidence", 0);
  if (!conf) return conf.error();
  r.min_confidence = *conf;
  auto channels = when->StringList("channel");
  if (!channels) return channels.error();
  for (const std::string& name : *channels) {
    auto c = ParseChannel(*when, name);
    if (!c) return c.error();
    r.channels.push_back(*c);
  }
  auto sender = when->String("sender", "");
  if (!sender) return sender.error();
  if (!sender->empty()) {
    auto re = Compile(*when, "sender", *sender);
    if (!re) return re.error();
    r.sender = *re;
  }
  auto fields = ParseFields(*when);
  if (!fields) return fields.error();
  r.fields = std::move(*fields);
  return Status::OK();
}

Result<RouteRule> ParseRule(const Settings& rule, size_t index) {
  RouteRule r;
  auto name = rule.String("name", "rule " + std::to_string(index + 1));
  if (!name) return Err(name.error());
  r.name = *name;
  if (Status st = ParseWhen(rule, r); !st.ok()) return Err(st);
  auto to = rule.StringList("to");
  if (!to) return Err(to.error());
  if (to->empty()) return Err(rule.Error("route: rule '" + r.name + "' has no destination (to: [queue])"));
  r.to = *to;
  auto priority = rule.Int("priority", 0);
  if (!priority) return Err(priority.error());
  r.priority = static_cast<int>(*priority);
  auto due = rule.String("due", "");
  if (!due) return Err(due.error());
  if (!due->empty()) {
    auto secs = ParseDuration(*due);
    if (!secs) return Err(rule.Error("route: rule '" + r.name + "': " + secs.error().message()));
    r.due_seconds = *secs;
  }
  return r;
}

bool Contains(const std::vector<std::string>& list, const std::string& s) {
  for (const std::string& x : list) {
    if (x == s) return true;
  }
  return false;
}

bool Matches(const RouteRule& r, const Document& doc) {
  if (!r.classes.empty() && !Contains(r.classes, doc.classification.label)) return false;
  if (doc.classification.confidence < r.min_confidence) return false;
  if (!r.channels.empty()) {
    bool any = false;
    for (Channel c : r.channels) any = any || c == doc.source.channel;
    if (!any) return false;
  }
  if (r.sender) {
    auto it = doc.source.context.find("sender");
    bool hit = std::regex_search(doc.source.path, *r.sender) ||
               (it != doc.source.context.end() && std::regex_search(it->second, *r.sender));
    if (!hit) return false;
  }
  for (const FieldCondition& c : r.fields) {
    auto it = doc.fields.find(c.name);
    if (it == doc.fields.end() || it->second.value.empty()) return false;
    if (c.kind == FieldCondition::Kind::kValue && it->second.value != c.value) return false;
    if (c.kind == FieldCondition::Kind::kPattern && !std::regex_search(it->second.value, *c.pattern)) return false;
  }
  return true;
}

}  // namespace

Result<int64_t> ParseDuration(const std::string& text) {
  size_t used = 0;
  long long n = 0;
  try {
    n = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  std::string unit = text.substr(used);
  int64_t scale = unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : unit == "d" ? 86400 : 0;
  if (used == 0 || scale == 0 || n < 0) {
    return Err(Status::InvalidArgument("bad duration '" + text + "' (want a number and s, m, h or d: 48h)"));
  }
  return n * scale;
}

Result<std::string> AddSeconds(const std::string& iso, int64_t seconds) {
  std::tm tm{};
  const char* end = strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (end == nullptr || *end != '\0') {
    return Err(Status::InvalidArgument("bad time '" + iso + "' (want 2026-11-22T17:41:00Z)"));
  }
  return FormatUtc(timegm(&tm) + seconds, "%Y-%m-%dT%H:%M:%SZ");
}

Result<RouteTable> ParseRouteTable(const Settings& s) {
  RouteTable t;
  auto mode = s.String("mode", "first");
  if (!mode) return Err(mode.error());
  if (*mode != "first" && *mode != "all") return Err(s.Error("route: mode must be first or all, not '" + *mode + "'"));
  t.all_matches = *mode == "all";
  auto review = s.String("review_queue", "review");
  if (!review) return Err(review.error());
  if (review->empty()) return Err(s.Error("route: review_queue must not be empty"));
  t.review_queue = *review;
  auto review_due = s.String("review_due", "");
  if (!review_due) return Err(review_due.error());
  if (!review_due->empty()) {
    auto secs = ParseDuration(*review_due);
    if (!secs) return Err(s.Error("route: review_due: " + secs.error().message()));
    t.review_due_seconds = *secs;
  }
  auto fallback = s.StringList("default");
  if (!fallback) return Err(fallback.error());
  t.fallback = *fallback;
  auto rules = s.Items("rules");
  if (!rules) return Err(rules.error());
  for (size_t i = 0; i < rules->size(); ++i) {
    auto rule = ParseRule((*rules)[i], i);
    if (!rule) return Err(rule.error());
    t.rules.push_back(std::move(*rule));
  }
  return t;
}

Result<RouteDecision> Decide(const RouteTable& table, const Document& doc) {
  RouteDecision d;
  std::set<std::string> seen;
  auto add = [&](const std::string& dest, int priority, int64_t due_seconds) -> Status {
    if (!seen.insert(dest).second) return Status::OK();
    Delivery delivery{.destination = dest, .priority = priority};
    if (due_seconds > 0) {
      auto due = AddSeconds(doc.source.received, due_seconds);
      if (!due) return due.error().WithContext("route: received time");
      delivery.due = *due;
    }
    d.deliveries.push_back(std::move(delivery));
    return Status::OK();
  };
  if (doc.status == DocStatus::kReview) {
    if (Status st = add(table.review_queue, table.review_priority, table.review_due_seconds); !st.ok()) return Err(st);
    return d;
  }
  for (const RouteRule& r : table.rules) {
    if (!Matches(r, doc)) continue;
    d.matched.push_back(r.name);
    for (const std::string& dest : r.to) {
      if (Status st = add(dest, r.priority, r.due_seconds); !st.ok()) return Err(st);
    }
    if (!table.all_matches) break;
  }
  if (d.matched.empty()) {
    for (const std::string& dest : table.fallback) {
      if (Status st = add(dest, 0, 0); !st.ok()) return Err(st);
    }
  }
  return d;
}

Result<std::optional<Settings>> RouteSectionOf(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return Err(text.error());
  auto file = Settings::Parse(*text, path);
  if (!file) return Err(file.error());
  auto stages = file->Items("stages");
  if (!stages) return Err(stages.error());
  for (const Settings& stage : *stages) {
    if (!stage.Has("route")) continue;
    auto route = stage.Child("route");
    if (!route) return Err(route.error());
    return std::optional<Settings>(std::move(*route));
  }
  return std::optional<Settings>();
}

}  // namespace facteur::route
