#include "core/strings.h"

#include <catch2/catch.hpp>

namespace facteur {
namespace {

using Parts = std::vector<std::string>;

TEST_CASE("Split keeps every part, empty ones included", "[core]") {
  CHECK(Split("fra+eng", '+') == Parts{"fra", "eng"});
  CHECK(Split("fra", '+') == Parts{"fra"});
  CHECK(Split("fra+", '+') == Parts{"fra", ""});
  CHECK(Split("+fra", '+') == Parts{"", "fra"});
  CHECK(Split("a,,b", ',') == Parts{"a", "", "b"});
  CHECK(Split("", ',') == Parts{""});
}

}  // namespace
}  // namespace facteur
