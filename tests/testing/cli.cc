#include "testing/cli.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include "testing/corpus.h"

namespace facteur::testing {
namespace {

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

using facteur::testing::Slurp;

}  // namespace

CliResult RunFacteur(const std::vector<std::string>& args) {
  TempDir tmp;
  std::string cmd = Quote(FACTEUR_BINARY);
  for (const std::string& a : args) cmd += " " + Quote(a);
  cmd += " >" + Quote(tmp.path() + "/out") + " 2>" + Quote(tmp.path() + "/err") + " </dev/null";
  int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = Slurp(tmp.path() + "/out");
  r.err = Slurp(tmp.path() + "/err");
  return r;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream ss(text);
  for (std::string line; std::getline(ss, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace facteur::testing
