// Test-only: a Clock that moves only when told to.
#ifndef FACTEUR_TESTS_TESTING_FAKE_CLOCK_H_
#define FACTEUR_TESTS_TESTING_FAKE_CLOCK_H_

#include <atomic>
#include <cstdint>

#include "watch/watch_clock.h"

namespace facteur::testing {

class FakeClock : public Clock {
 public:
  int64_t NowMicros() const override { return now_.load(); }
  void AdvanceMillis(int64_t ms) { now_ += ms * 1000; }

 private:
  std::atomic<int64_t> now_{1'000'000'000};
};

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_TESTING_FAKE_CLOCK_H_
