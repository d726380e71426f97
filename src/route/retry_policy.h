// RetryPolicy: exponential back-off with jitter and a cap on attempts,
// shared by the sinks. Base delays are settings so tests use milliseconds.
#ifndef FACTEUR_ROUTE_RETRY_POLICY_H_
#define FACTEUR_ROUTE_RETRY_POLICY_H_

#include <cstdint>
#include <string>

#include "facteur/settings.h"
#include "facteur/store.h"

namespace facteur::route {

struct RetryPolicy {
  int max_attempts = 8;          // then dead-letter
  int64_t base_delay_ms = 2000;  // first retry after ~this; doubles each attempt
  int64_t max_delay_ms = 3600000;  // cap on one delay (and on Retry-After)
  double jitter = 0.3;           // +- this fraction, so retries do not stampede

  // Reads max_attempts, base_delay (30s, 2m or ms: base_delay_ms), max_delay.
  static Result<RetryPolicy> FromSettings(const Settings& s);

  // kRetry at now + back-off (or + retry_after_ms when >= 0, capped), or
  // kDead once `attempt` (1-based, the one that just failed) reached the cap.
  DeliveryOutcome Failed(int attempt, int64_t now_ms, const std::string& message, int64_t retry_after_ms = -1) const;
};

}  // namespace facteur::route

#endif  // FACTEUR_ROUTE_RETRY_POLICY_H_
