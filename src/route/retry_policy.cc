#include "route/retry_policy.h"

#include <algorithm>
#include <random>

#include "route/route_rules.h"

namespace facteur::route {

Result<RetryPolicy> RetryPolicy::FromSettings(const Settings& s) {
  RetryPolicy p;
  auto attempts = s.Int("max_attempts", p.max_attempts);
  if (!attempts) return Err(attempts.error());
  if (*attempts < 1) return Err(s.Error("max_attempts must be at least 1"));
  p.max_attempts = static_cast<int>(*attempts);
  for (auto [key, target] : {std::pair{"base_delay", &p.base_delay_ms}, std::pair{"max_delay", &p.max_delay_ms}}) {
    auto ms = s.Int(std::string(key) + "_ms", -1);
    if (!ms) return Err(ms.error());
    if (*ms >= 0) {
      *target = *ms;
      continue;
    }
    auto text = s.String(key, "");
    if (!text) return Err(text.error());
    if (text->empty()) continue;
    auto secs = ParseDuration(*text);
    if (!secs) return Err(s.Error(std::string(key) + ": " + secs.error().message()));
    *target = *secs * 1000;
  }
  auto jitter = s.Double("jitter", p.jitter);
  if (!jitter) return Err(jitter.error());
  if (*jitter < 0 || *jitter > 1) return Err(s.Error("jitter must be between 0 and 1"));
  p.jitter = *jitter;
  return p;
}

DeliveryOutcome RetryPolicy::Failed(int attempt, int64_t now_ms, const std::string& message,
                                    int64_t retry_after_ms) const {
  std::string what = message + " (attempt " + std::to_string(attempt) + "/" + std::to_string(max_attempts) + ")";
  if (attempt >= max_attempts) return {DeliveryOutcome::Kind::kDead, 0, what};
  double delay = static_cast<double>(base_delay_ms);
  for (int i = 1; i < attempt && delay < max_delay_ms; ++i) delay *= 2;
  thread_local std::mt19937_64 rng{std::random_device{}()};
  delay *= 1 + std::uniform_real_distribution<double>(-jitter, jitter)(rng);
  if (retry_after_ms >= 0) delay = std::max(delay, static_cast<double>(retry_after_ms));
  int64_t wait = std::min<int64_t>(static_cast<int64_t>(delay), max_delay_ms);
  return {DeliveryOutcome::Kind::kRetry, now_ms + std::max<int64_t>(wait, 0), what};
}

}  // namespace facteur::route
