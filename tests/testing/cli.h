// Runs the real `facteur` binary from tests and captures what it prints.
#ifndef FACTEUR_TESTS_TESTING_CLI_H_
#define FACTEUR_TESTS_TESTING_CLI_H_

#include <string>
#include <vector>

#include "testing/temp_dir.h"

namespace facteur::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs FACTEUR_BINARY with `args` (each shell-quoted).
CliResult RunFacteur(const std::vector<std::string>& args);

// The lines of `text`, without empty ones.
std::vector<std::string> Lines(const std::string& text);

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_TESTING_CLI_H_
