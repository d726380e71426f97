#include "core/clock.h"

namespace facteur {

std::string FormatUtc(std::time_t t, const char* format) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

std::string NowIso8601() { return FormatUtc(std::time(nullptr), "%Y-%m-%dT%H:%M:%SZ"); }

}  // namespace facteur
