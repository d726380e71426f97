// Wall-clock time as facteur records it.
#ifndef FACTEUR_CORE_CLOCK_H_
#define FACTEUR_CORE_CLOCK_H_

#include <ctime>
#include <string>

namespace facteur {

// `t` in UTC through strftime's `format` ("%Y-%m-%d", ...).
std::string FormatUtc(std::time_t t, const char* format);

// Now, as ISO 8601 UTC with seconds: "2026-11-22T17:41:00Z".
std::string NowIso8601();

}  // namespace facteur

#endif  // FACTEUR_CORE_CLOCK_H_
