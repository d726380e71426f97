// IntakeDaemon: the watched-folder intake. Files dropped into the input
// folders become records, each exactly once, and no file is ever lost:
//
//   input/NAME --(stable + complete)--> processing/NAME   atomic rename = claim
//   processing/NAME --(record stored)--> done/NAME        (or deleted)
//   processing/NAME --(failed)--> failed/NAME + NAME.error.json
//
// A transient failure (file busy, disk full, database locked) leaves the file
// in processing/ and retries it with back-off. On start, files left in
// processing/ by a crash are resumed first: if their record was stored
// before the crash, the runner reports a duplicate and the file goes to
// done/, so nothing is doubled. NAME.json sidecars travel with their file and
// become the record's source context.
//
// Thread safety: Run() on one thread; RequestStop() from any thread or a
// signal handler.
#ifndef FACTEUR_WATCH_INTAKE_DAEMON_H_
#define FACTEUR_WATCH_INTAKE_DAEMON_H_

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "facteur/pipeline.h"
#include "facteur/store.h"
#include "watch/folder_watcher.h"
#include "watch/intake_json.h"
#include "watch/stability_tracker.h"

namespace facteur {

struct WatchedFolder {
  std::string input;            // the folder integrators write into
  std::string processing;       // claimed files; must be on the input's file system
  std::string done;             // finished originals (kept unless delete_done)
  std::string failed;           // failed originals, each with NAME.error.json
  bool require_marker = false;  // take a file only once NAME.done exists
};

struct WatchOptions {
  std::vector<WatchedFolder> folders;
  std::string status_path;                 // HOME/intake/status.json; empty = none
  std::string free_space_path;             // the store's folder, checked for free space
  StabilityOptions stability;              // settle delay, abandon delay
  int64_t rescan_micros = 30'000'000;      // safety-net rescan (network shares send no events)
  bool once = false;                       // process what is there, then return
  bool delete_done = false;                // delete originals once stored instead of moving to done/
  int batch = 4;                           // files handed to the runner per call
  int64_t retry_first_micros = 1'000'000;  // back-off of transient failures,
  int64_t retry_max_micros = 300'000'000;  // doubling up to this
  int once_attempts = 4;                   // with `once`, then left in processing/ for the next run
  int64_t min_free_bytes = 64 << 20;       // below this (plus twice the file) = disk full: wait
};

// Makes the working folders and checks the layout. Errors (kInvalidArgument):
// an input that is not a folder, an output folder inside a watched input (or
// an input inside an output: files would be taken twice), a processing/
// folder on another file system than its input (a claim must be a rename).
Status PrepareFolders(const WatchOptions& options);

class IntakeDaemon {
 public:
  // REQUIRES: runner and clock outlive the daemon; PrepareFolders passed.
  // `log` gets one status line per file (stderr in the CLI).
  // `store` (may be null) is the runner's: when given, a file reported as a
  // duplicate goes to done/ only if a record for its bytes really is stored.
  static Result<std::unique_ptr<IntakeDaemon>> Create(PipelineRunner& runner, Store* store,
                                                      const WatchOptions& options, const Clock& clock,
                                                      FILE* log);
  ~IntakeDaemon();

  // Resumes processing/, then watches until RequestStop() (the batch in hand
  // is finished first) or, with `once`, until nothing is left to take.
  // Returns this run's counters; errors only for run-level problems.
  Result<IntakeCounters> Run();
  void RequestStop();
  // Files held back because their format is incomplete, or left in
  // processing/ after `once_attempts` transient failures (with `once`).
  const std::vector<std::string>& left() const { return left_; }

 private:
  struct Claimed {
    std::string path;  // in processing/
    std::string name;  // as it arrived
    size_t folder = 0;
    int attempts = 0;
    int64_t due = 0;
    bool resumed = false;
    std::string note;
  };
  struct Outcome;

  IntakeDaemon(PipelineRunner& runner, Store* store, const WatchOptions& options, const Clock& clock,
               FILE* log);
  void Resume();
  void Rescan();
  void Notice(size_t folder, const std::string& path, bool event);
  void Refresh();
  bool ClaimReady();
  bool ProcessDue();
  bool Prepare(Claimed& item, InputFile& input);
  void Finish(Claimed& item, const Outcome& outcome);
  void MoveToDone(Claimed& item, const std::string& what, const std::string& detail);
  void MoveToFailed(Claimed& item, const std::string& reason, const std::string& stage);
  void Retry(Claimed item, const std::string& reason);
  void Release();
  bool NothingLeft() const;
  int TimeoutMs() const;
  void Line(const std::string& what, const std::string& name, const std::string& detail);
  void SaveStatus(bool force, const std::string& state = "running");

  PipelineRunner& runner_;
  Store* const store_;  // may be null
  const WatchOptions options_;
  const Clock& clock_;
  FILE* log_;
  std::unique_ptr<FolderWatcher> watcher_;
  std::vector<std::unique_ptr<StabilityTracker>> trackers_;  // one per folder
  std::deque<Claimed> claimed_;
  std::set<std::string> refused_;  // "path size mtime" logged once
  std::vector<std::string> left_;
  std::atomic<bool> stop_{false};
  IntakeCounters run_;
  IntakeStatus status_;
  int64_t next_rescan_ = 0;
  int64_t last_save_ = 0;
};

}  // namespace facteur

#endif  // FACTEUR_WATCH_INTAKE_DAEMON_H_
