// facteur status: the watched-folder intake's counters (HOME/intake/status.json)
// and what its working folders hold.
#include <signal.h>

#include <cstdio>

#include "cli/commands.h"
#include "core/files.h"
#include "watch/intake_files.h"
#include "watch/intake_json.h"

namespace facteur {
namespace {

const char kHelp[] = R"(usage: facteur status [--home DIR] [--json]

Shows the watched-folder intake (`facteur watch`) of a home: whether the
daemon runs, its counters since the first start (taken, done, duplicate,
failed, retried, queue depth), its last status line, and how many files sit
in HOME/intake/processing, done and failed.

options:
  --home DIR   store folder (default: $FACTEUR_HOME, else ./var)
  --json       the status file as JSON, plus "alive" and the folder counts
  -h, --help   this help

exit codes: 0 ok, 4 no intake has run on this home.
)";

int CountFiles(const std::string& dir) {
  auto names = ListNames(dir);
  if (!names) return 0;
  int n = 0;
  for (const std::string& name : *names)
    if (!IgnoredName(name) && !IsSidecarName(name)) ++n;
  return n;
}

}  // namespace

int StatusCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("status", args, {{"home", true}, {"json", false}}, kHelp, flags, code)) return code;
  const std::string home = HomeDir(flags);
  const std::string path = home + "/intake/status.json";
  auto text = ReadFile(path);
  if (!text) return ReportError("status", Status::NotFound(path + ": no intake has run on this home"));
  auto status = ParseStatusJson(*text, path);
  if (!status) return ReportError("status", status.error());
  bool alive = status->state == "running" && status->pid > 0 && ::kill(status->pid, 0) == 0;
  int processing = CountFiles(home + "/intake/processing"), done = CountFiles(home + "/intake/done"),
      failed = CountFiles(home + "/intake/failed");
  const IntakeCounters& c = status->counters;
  if (flags.Has("json")) {
    std::string json = *text;
    while (!json.empty() && (json.back() == '\n' || json.back() == '}')) json.pop_back();
    std::printf(
        "%s,\n  \"alive\": %s,\n  \"in_processing\": %d,\n  \"in_done\": %d,\n  \"in_failed\": %d\n}\n",
        json.c_str(), alive ? "true" : "false", processing, done, failed);
    return 0;
  }
  std::printf("intake of %s: %s\n", home.c_str(),
              alive                        ? ("running (pid " + std::to_string(status->pid) + ")").c_str()
              : status->state == "running" ? "not running (stopped without a clean exit)"
                                           : "stopped");
  std::printf("  since %s, updated %s\n", status->started.c_str(), status->updated.c_str());
  std::printf("  taken %lld, done %lld, duplicate %lld, failed %lld, retried %lld, queue depth %lld\n",
              static_cast<long long>(c.taken), static_cast<long long>(c.done),
              static_cast<long long>(c.duplicate), static_cast<long long>(c.failed),
              static_cast<long long>(c.retried), static_cast<long long>(c.queue_depth));
  std::printf("  files now: processing %d, done %d, failed %d\n", processing, done, failed);
  for (const std::string& f : status->folders) std::printf("  watching %s\n", f.c_str());
  if (!status->last.empty()) std::printf("  last: %s\n", status->last.c_str());
  return 0;
}

}  // namespace facteur
