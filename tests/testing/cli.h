// Runs the real `facteur` binary from tests and captures what it prints.
#ifndef FACTEUR_TESTS_TESTING_CLI_H_
#define FACTEUR_TESTS_TESTING_CLI_H_

#include <string>
#include <vector>

namespace facteur::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs FACTEUR_BINARY with `args` (each shell-quoted).
CliResult RunFacteur(const std::vector<std::string>& args);

// A fresh empty folder under /tmp, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  // Writes `text` to path()/name and returns the full path.
  std::string Write(const std::string& name, const std::string& text) const;

 private:
  std::string path_;
};

// The lines of `text`, without empty ones.
std::vector<std::string> Lines(const std::string& text);

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_TESTING_CLI_H_
