#include "extract/match_stage.h"

#include <cstdio>
#include <optional>

#include "core/clock.h"
#include "extract/customer_matcher.h"
#include "facteur/customers.h"

namespace facteur {
namespace {

class MatchCustomerStage : public DocumentStage {
 public:
  MatchCustomerStage(double min_score, std::string home) : min_score_(min_score), home_(std::move(home)) {}

  std::string_view Name() const override { return "match.customer"; }
  bool AppliesTo(const Document& doc) const override { return doc.status != DocStatus::kFailed; }

  Status Run(Document& doc, RunContext& ctx) override {
    if (!matcher_) {
      // Read lazily: building a pipeline (facteur stages, tests) must not
      // open databases. A store that cannot be read fails the document with
      // the reason, as any other stage error.
      auto dir = OpenSqliteCustomers(home_.empty() ? ctx.Home() : home_);
      if (!dir) return dir.error().WithContext("match.customer");
      auto all = (*dir)->All();
      if (!all) return all.error().WithContext("match.customer");
      matcher_.emplace(std::move(*all));
    }
    doc.fields.erase("customer");
    if (matcher_->size() == 0) {
      doc.events.push_back(
          Event{NowIso8601(), "match.customer", "no customer directory (facteur customers import)"});
      return Status::OK();
    }
    auto m = matcher_->Match(doc.fields);
    char buf[200];
    if (!m || m->score < min_score_) {
      std::snprintf(buf, sizeof buf, "no customer matched%s", m ? " above min_score" : "");
      doc.events.push_back(Event{NowIso8601(), "match.customer", buf});
      return Status::OK();
    }
    Field f{.value = m->customer_id, .confidence = m->score};
    if (auto ev = doc.fields.find(m->evidence); ev != doc.fields.end()) {
      f.page = ev->second.page;
      f.box = ev->second.box;
    }
    doc.fields["customer"] = f;
    std::snprintf(buf, sizeof buf, "customer %s by %s (score %.2f)", m->customer_id.c_str(), m->how.c_str(),
                  m->score);
    doc.events.push_back(Event{NowIso8601(), "match.customer", buf});
    return Status::OK();
  }

 private:
  const double min_score_;
  const std::string home_;
  std::optional<extract::CustomerMatcher> matcher_;  // loaded on the first Run (runner's thread)
};

}  // namespace

Result<std::unique_ptr<Stage>> NewMatchCustomerStage(const Settings& s) {
  for (const std::string& key : s.Keys())
    if (key != "min_score" && key != "home")
      return Err(s.Error("match.customer: unknown setting '" + key + "'"));
  auto min_score = s.Double("min_score", 0.6);
  if (!min_score) return Err(min_score.error());
  if (*min_score < 0 || *min_score > 1)
    return Err(s.Error("match.customer: min_score must be between 0 and 1"));
  auto home = s.String("home", "");
  if (!home) return Err(home.error());
  return std::unique_ptr<Stage>(new MatchCustomerStage(*min_score, *home));
}

}  // namespace facteur
