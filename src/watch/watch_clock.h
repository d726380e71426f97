// Clock: the time seam of the watcher, so the stability rules can be tested
// with a fake clock and no sleeps (paperless's tracker calls monotonic()
// directly and cannot be). Times are microseconds on a monotonic scale; only
// differences mean anything.
//
// Thread safety: NowMicros() may be called from several threads.
#ifndef FACTEUR_WATCH_WATCH_CLOCK_H_
#define FACTEUR_WATCH_WATCH_CLOCK_H_

#include <cstdint>

namespace facteur {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowMicros() const = 0;
};

// steady_clock; library-owned, never deleted.
const Clock& SystemClock();

}  // namespace facteur

#endif  // FACTEUR_WATCH_WATCH_CLOCK_H_
