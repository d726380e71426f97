// The facteur executable itself: what it sets up before any command runs.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "testing/cli.h"

using namespace facteur::testing;

namespace {

// Runs `facteur --version` with OMP_THREAD_LIMIT set to `value` (nullptr:
// unset), then puts the test's own value back.
CliResult VersionWithThreadLimit(const char* value) {
  const char* before = std::getenv("OMP_THREAD_LIMIT");
  const std::string saved = before != nullptr ? before : "";
  if (value != nullptr) {
    setenv("OMP_THREAD_LIMIT", value, 1);
  } else {
    unsetenv("OMP_THREAD_LIMIT");
  }
  CliResult r = RunFacteur({"--version"});
  if (before != nullptr) {
    setenv("OMP_THREAD_LIMIT", saved.c_str(), 1);
  } else {
    unsetenv("OMP_THREAD_LIMIT");
  }
  return r;
}

}  // namespace

TEST_CASE("facteur gives each Tesseract engine one OpenMP thread unless the caller chose a limit", "[cli]") {
  CliResult unset = VersionWithThreadLimit(nullptr);
  REQUIRE(unset.exit_code == 0);
  CHECK(unset.out.find("OpenMP threads per Tesseract engine: 1 ") != std::string::npos);

  CliResult chosen = VersionWithThreadLimit("3");
  REQUIRE(chosen.exit_code == 0);
  CHECK(chosen.out.find("OpenMP threads per Tesseract engine: 3 ") != std::string::npos);
}
