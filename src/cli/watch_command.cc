// facteur watch: the watched-folder intake daemon (src/watch/intake_daemon.h).
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "cli/commands.h"
#include "core/files.h"
#include "facteur/pipeline.h"
#include "facteur/store.h"
#include "watch/intake_daemon.h"
#include "watch/intake_files.h"
#include "watch/watch_clock.h"

namespace facteur {
namespace {

const char kHelp[] = R"(usage: facteur watch [options] DIR...

Watches folders that fax servers, scanners and other applications write into,
and takes every file that arrives through the pipeline into the store, once.
A file is taken only when it is complete: quiet for --settle seconds with the
same size and mtime, and whole by its format (TIFF directories and strips
inside the file, PDF %%EOF, JPEG end marker, PNG IEND), or, with
--require-marker, when NAME.done appears. Temporary names (*.part, *.tmp,
~*, dotfiles, Thumbs.db) are ignored; symlinks and non-regular files are
refused. A file is claimed by an atomic rename into processing/, moved to
done/ once its record is stored, or to failed/ with NAME.error.json (reason,
stage, time, attempts). Transient failures (file busy, disk full, database
locked) are retried with back-off. Files left in processing/ by a crash are
resumed first; a file whose record was already stored goes to done/ as a
duplicate, so nothing is lost and nothing is doubled. An optional NAME.json
beside a file (channel, batch_id, received, fax_csid, caller_number,
called_number) becomes the record's source context.

inotify gives speed; a rescan every --rescan seconds is the safety net for
network shares, which send no events. SIGTERM or SIGINT: the batch in hand
is finished, the rest stays in processing/ for the next start; exit 0.
Counters: `facteur status`.

options:
  --home DIR          store folder (default: $FACTEUR_HOME, else ./var)
  --pipeline FILE     pipeline file, or the name of one in pipelines/
  --jobs N            page workers, one OCR engine each (default: all cores)
  --once              take what is in the folders now, then exit (cron, tests)
  --settle SECONDS    quiet time before a file is judged (default 5)
  --abandon SECONDS   take a quiet file whose format stays incomplete after
                      this long anyway; it then fails with its reason (default 600)
  --rescan SECONDS    safety-net rescan interval (default 30)
  --require-marker    take NAME only once NAME.done exists
  --processing DIR    working folders (default HOME/intake/processing,
  --done DIR            HOME/intake/done, HOME/intake/failed); must be on the
  --failed DIR          watched folders' file system and outside them
  --delete-done       delete originals once stored (the store keeps a copy)
  --batch N           files per runner call (default 4)
  -h, --help          this help

exit codes: 0 stopped normally, 2 usage error or bad layout, 3 (--once) some
  files failed, 5 the store or the pipeline could not start.

example:
  facteur watch --home /srv/facteur --settle 10 /srv/fax/in /srv/scans/in
)";

std::atomic<IntakeDaemon*> g_daemon{nullptr};

void OnSignal(int) {
  if (IntakeDaemon* d = g_daemon.load()) d->RequestStop();
}

Result<int64_t> Seconds(const Flags& flags, const std::string& name, double def) {
  std::string text = flags.Get(name, "");
  if (text.empty()) return static_cast<int64_t>(def * 1e6);
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !std::isfinite(v) || v < 0 || v > 86400 * 7)
    return Err(Status::InvalidArgument("--" + name + ": '" + text + "' is not a number of seconds"));
  return static_cast<int64_t>(v * 1e6);
}

Result<WatchOptions> ParseOptions(const Flags& flags, const std::string& home) {
  WatchOptions o;
  for (const char* name : {"settle", "abandon", "rescan"}) {
    auto s = Seconds(flags, name, name[0] == 's' ? 5 : name[0] == 'a' ? 600 : 30);
    if (!s) return Err(s.error());
    if (name[0] == 's') o.stability.settle_micros = *s;
    if (name[0] == 'a') o.stability.abandon_micros = *s;
    if (name[0] == 'r') o.rescan_micros = std::max<int64_t>(*s, 100'000);
  }
  auto batch = flags.GetInt("batch", 4, 1, 1000);
  if (!batch) return Err(batch.error());
  o.batch = static_cast<int>(*batch);
  o.once = flags.Has("once");
  o.delete_done = flags.Has("delete-done");
  o.status_path = home + "/intake/status.json";
  o.free_space_path = home;
  for (std::string dir : flags.positional()) {
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    o.folders.push_back(WatchedFolder{
        dir, flags.Get("processing", home + "/intake/processing"), flags.Get("done", home + "/intake/done"),
        flags.Get("failed", home + "/intake/failed"), flags.Has("require-marker")});
  }
  return o;
}

}  // namespace

int WatchCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("watch", args,
                   {{"home", true},
                    {"pipeline", true},
                    {"jobs", true},
                    {"once", false},
                    {"settle", true},
                    {"abandon", true},
                    {"rescan", true},
                    {"require-marker", false},
                    {"processing", true},
                    {"done", true},
                    {"failed", true},
                    {"delete-done", false},
                    {"batch", true}},
                   kHelp, flags, code))
    return code;
  if (flags.positional().empty())
    return ReportError("watch", Status::InvalidArgument("give at least one folder to watch (see --help)"));
  const std::string home = HomeDir(flags);
  auto jobs = flags.GetInt("jobs", 0, 1, 256);
  if (!jobs) return ReportError("watch", jobs.error());
  auto options = ParseOptions(flags, home);
  if (!options) return ReportError("watch", options.error());
  if (Status st = PrepareFolders(*options); !st.ok()) return ReportError("watch", st);
  if (Status st = MakeDirs(home + "/intake"); !st.ok()) return ReportError("watch", st);
  FileLock lock;
  if (Status st = lock.Acquire(home + "/intake/watch.lock"); !st.ok())
    return ReportError("watch", Status::InvalidArgument(st.message()));

  auto pipeline_path = PipelinePath(flags);
  if (!pipeline_path) return ReportError("watch", pipeline_path.error());
  auto pipeline = LoadPipeline(*pipeline_path);
  if (!pipeline) return ReportError("watch", pipeline.error());
  auto store = OpenSqliteStore(home);
  if (!store) return ReportError("watch", store.error());
  RunOptions run_options;
  run_options.jobs = static_cast<int>(*jobs);
  run_options.home = home;
  AddCaptureContext(*pipeline, run_options);
  run_options.work_dir =
      home + "/work/watch-" + std::to_string(::getpid()) + "-" + std::to_string(std::time(nullptr));
  run_options.channel = Channel::kFolder;
  auto runner = PipelineRunner::Start(*pipeline, **store, run_options);
  if (!runner) return ReportError("watch", runner.error());
  auto daemon = IntakeDaemon::Create(**runner, store->get(), *options, SystemClock(), stderr);
  if (!daemon) return ReportError("watch", daemon.error());

  g_daemon.store(daemon->get());
  struct sigaction sa = {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);
  auto counters = (*daemon)->Run();
  g_daemon.store(nullptr);
  if (!counters) return ReportError("watch", counters.error());
  std::fprintf(stderr,
               "facteur watch: stopped: taken %lld, done %lld, duplicate %lld, failed %lld, retried %lld\n",
               static_cast<long long>(counters->taken), static_cast<long long>(counters->done),
               static_cast<long long>(counters->duplicate), static_cast<long long>(counters->failed),
               static_cast<long long>(counters->retried));
  for (const std::string& left : (*daemon)->left())
    std::fprintf(stderr, "  left for later: %s\n", left.c_str());
  if (options->once && counters->failed > 0) return static_cast<int>(ExitCode::kSomeFailed);
  return 0;
}

}  // namespace facteur
