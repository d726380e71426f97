// StabilityTracker: decides when a file in a watched folder is whole and may
// be taken. Pure: no file system, no sleeps; the clock and the format check
// are injected, so tests drive it with a fake clock.
//
// A file is ready when
//   - a stat made at least `settle` after its last change (inotify event,
//     new size or mtime) still shows the same size and mtime, and
//   - its format check says complete (or cannot judge: the importer will),
// or, when the folder requires markers, as soon as its NAME.done is there.
// A quiet file whose format stays incomplete is held; after `abandon` of
// quiet it is taken anyway with a note, so a truncated upload ends in failed/
// with its reason instead of sitting in the input for ever.
//
// Thread safety: none; owned by the daemon's thread.
#ifndef FACTEUR_WATCH_STABILITY_TRACKER_H_
#define FACTEUR_WATCH_STABILITY_TRACKER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "watch/completeness.h"
#include "watch/watch_clock.h"

namespace facteur {

struct StabilityOptions {
  // Quiet time before a file is judged. Default 5 s: above the pauses of
  // scanners writing over SMB/FTP; 0 judges at first sight (tests, cron).
  int64_t settle_micros = 5'000'000;
  // Take files only once their NAME.done marker exists (writers that can
  // make one: fax servers, scripts). Default off.
  bool require_marker = false;
  // A quiet file whose format check still says incomplete after this long is
  // taken anyway (and will fail with the importer's reason). Default 10 min.
  int64_t abandon_micros = 600'000'000;
};

// What a stat of the file showed.
struct FileState {
  int64_t size = -1;
  int64_t mtime_ns = 0;
  bool marker = false;  // NAME.done present
  friend bool operator==(const FileState&, const FileState&) = default;
};

using CompletenessCheck = std::function<CompletenessReport(const std::string& path)>;

class StabilityTracker {
 public:
  // REQUIRES: clock outlives the tracker.
  StabilityTracker(const Clock& clock, StabilityOptions options, CompletenessCheck check);

  // An event for the file or its sidecar: the quiet period starts again.
  // Unknown paths are added (they still need an Observe before being ready).
  void Touch(const std::string& path);
  // A stat of the file. A new size, mtime or marker starts the quiet period again.
  void Observe(const std::string& path, const FileState& state);
  // The file went away (taken, deleted, renamed out).
  void Forget(const std::string& path);

  struct Ready {
    std::string path;
    std::string note;  // empty, or why it was taken although incomplete
  };
  // At most `max` of the files ready now, in the order they were first seen;
  // they are forgotten (the others stay tracked). Runs the format check on
  // quiet files (once per file state).
  std::vector<Ready> TakeReady(size_t max = SIZE_MAX);

  // Microseconds from now until the earliest file could become ready
  // (0 if one may be ready now); -1 when nothing is waiting on time.
  int64_t MicrosToNextDeadline() const;
  // Tracked files, and those quiet but held for an incomplete format.
  std::vector<std::string> Paths() const;
  std::vector<std::string> HeldIncomplete() const;
  size_t size() const { return files_.size(); }

 private:
  struct Entry {
    uint64_t order = 0;
    FileState state;
    bool observed = false;
    int64_t changed = 0;      // last change (event or new state)
    int64_t observed_at = 0;  // last stat
    bool checked = false;     // format checked for `state`
    CompletenessReport report;
  };
  bool Quiet(const Entry& e) const;

  const Clock& clock_;
  const StabilityOptions options_;
  CompletenessCheck check_;
  std::map<std::string, Entry> files_;
  uint64_t next_order_ = 0;
};

}  // namespace facteur

#endif  // FACTEUR_WATCH_STABILITY_TRACKER_H_
