// The daemon's loop: resume, scan, track, claim. Processing of claimed files
// is in intake_batch.cc.
#include "watch/intake_daemon.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "core/clock.h"
#include "core/files.h"
#include "watch/intake_files.h"

namespace facteur {
namespace {

namespace fs = std::filesystem;

std::string Base(const std::string& path) { return fs::path(path).filename().string(); }

}  // namespace

IntakeDaemon::IntakeDaemon(PipelineRunner& runner, Store* store, const WatchOptions& options,
                           const Clock& clock, FILE* log)
    : runner_(runner), store_(store), options_(options), clock_(clock), log_(log) {
  for (const WatchedFolder& f : options_.folders) {
    StabilityOptions so = options_.stability;
    so.require_marker = f.require_marker;
    trackers_.push_back(std::make_unique<StabilityTracker>(clock_, so, CheckComplete));
  }
}

IntakeDaemon::~IntakeDaemon() = default;

Result<std::unique_ptr<IntakeDaemon>> IntakeDaemon::Create(PipelineRunner& runner, Store* store,
                                                           const WatchOptions& options, const Clock& clock,
                                                           FILE* log) {
  std::unique_ptr<IntakeDaemon> d(new IntakeDaemon(runner, store, options, clock, log));
  std::vector<std::string> inputs;
  for (const WatchedFolder& f : options.folders) inputs.push_back(f.input);
  auto watcher = FolderWatcher::Open(inputs);
  if (!watcher) return Err(watcher.error());
  d->watcher_ = std::move(*watcher);
  if (!d->watcher_->inotify_error().empty())
    d->Line("notice", "", d->watcher_->inotify_error() + "; relying on rescans");
  if (!options.status_path.empty()) {
    if (auto text = ReadFile(options.status_path)) {
      if (auto old = ParseStatusJson(*text, options.status_path)) d->status_ = *old;
    }
  }
  d->status_.pid = static_cast<int>(::getpid());
  d->status_.started = NowIso8601();
  d->status_.folders = inputs;
  return d;
}

void IntakeDaemon::RequestStop() {
  stop_.store(true);
  if (watcher_) watcher_->Wake();
}

Result<IntakeCounters> IntakeDaemon::Run() {
  Resume();
  Rescan();
  SaveStatus(true);
  while (!stop_.load()) {
    bool worked = ProcessDue();
    if (stop_.load()) break;
    Refresh();
    worked = ClaimReady() || worked;
    SaveStatus(false);
    if (worked) continue;
    if (options_.once && NothingLeft()) break;
    bool overflow = false;
    for (const FolderWatcher::Event& e : watcher_->Wait(TimeoutMs(), &overflow)) Notice(e.folder, e.path, true);
    if (overflow || clock_.NowMicros() >= next_rescan_) Rescan();
  }
  Release();
  for (const Claimed& c : claimed_) left_.push_back(c.path);
  for (const auto& t : trackers_)
    for (const std::string& p : t->HeldIncomplete()) left_.push_back(p);
  SaveStatus(true, "stopped");
  return run_;
}

// Files left in processing/ by an earlier run come first. A sidecar that did
// not make it across before the crash is fetched from the input folder.
void IntakeDaemon::Resume() {
  std::set<std::string> seen;
  for (size_t i = 0; i < options_.folders.size(); ++i) {
    const WatchedFolder& f = options_.folders[i];
    if (!seen.insert(CanonicalPath(f.processing)).second) continue;
    auto names = ListNames(f.processing);
    if (!names) {
      Line("error", f.processing, names.error().message());
      continue;
    }
    for (const std::string& name : *names) {
      if (IgnoredName(name)) continue;
      std::string path = f.processing + "/" + name;
      if (IsSidecarName(name)) {
        // A crash between moving a file on and moving its sidecar: follow it.
        std::string owner = SidecarOwner(name);
        if (::access((f.processing + "/" + owner).c_str(), F_OK) == 0) continue;
        for (const std::string& dir : {f.done, f.failed})
          if (::access((dir + "/" + owner).c_str(), F_OK) == 0)
            (void)MoveSidecar(f.processing + "/" + owner, dir + "/" + owner);
        continue;
      }
      struct stat st;
      if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
      std::string orphan = f.input + "/" + name + ".json";
      if (::access((path + ".json").c_str(), F_OK) != 0 && ::access(orphan.c_str(), F_OK) == 0)
        (void)MoveSidecar(f.input + "/" + name, path);
      claimed_.push_back(Claimed{path, name, i, 0, 0, true, ""});
      ++run_.taken;
      Line("resume", name, "left in processing/ by an earlier run");
    }
  }
}

void IntakeDaemon::Rescan() {
  next_rescan_ = clock_.NowMicros() + options_.rescan_micros;
  for (size_t i = 0; i < options_.folders.size(); ++i) {
    auto names = ListNames(options_.folders[i].input);
    if (!names) {
      Line("error", options_.folders[i].input, names.error().message());
      continue;
    }
    for (const std::string& name : *names) Notice(i, options_.folders[i].input + "/" + name, false);
  }
}

// One path seen by an event or a scan: track it, refuse it, or pass it by.
void IntakeDaemon::Notice(size_t folder, const std::string& path, bool event) {
  std::string name = Base(path);
  if (IgnoredName(name)) return;
  StabilityTracker& tracker = *trackers_[folder];
  if (IsSidecarName(name)) {
    // A sidecar or marker still being written holds its file back too.
    std::string owner = fs::path(path).parent_path().string() + "/" + SidecarOwner(name);
    struct stat st;
    if (::lstat(owner.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      if (event) tracker.Touch(owner);
      Notice(folder, owner, false);
    }
    return;
  }
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) {
    tracker.Forget(path);
    return;
  }
  if (!S_ISREG(st.st_mode)) {
    tracker.Forget(path);
    const char* what = S_ISLNK(st.st_mode)   ? "a symlink"
                       : S_ISDIR(st.st_mode) ? "a folder"
                                             : "not a regular file";
    if (refused_.insert(path + " " + std::to_string(st.st_ino)).second)
      Line("refused", name, std::string(what) + ": only regular files are taken; left where it is");
    return;
  }
  if (event) tracker.Touch(path);
  struct stat marker;
  bool has_marker = ::lstat((path + ".done").c_str(), &marker) == 0;
  tracker.Observe(
      path,
      FileState{st.st_size, static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                has_marker});
}

// A fresh stat of every tracked file, so quiet files can be judged.
void IntakeDaemon::Refresh() {
  for (size_t i = 0; i < trackers_.size(); ++i)
    for (const std::string& path : trackers_[i]->Paths()) Notice(i, path, false);
}

// Claims only a few batches ahead: the input folder stays the queue, so a
// stop leaves little to release and another host's files are not hoarded.
bool IntakeDaemon::ClaimReady() {
  bool any = false;
  const size_t ahead = static_cast<size_t>(std::max(2 * options_.batch, 8));
  for (size_t i = 0; i < trackers_.size(); ++i) {
    const WatchedFolder& f = options_.folders[i];
    if (claimed_.size() >= ahead) break;
    for (StabilityTracker::Ready& r : trackers_[i]->TakeReady(ahead - claimed_.size())) {
      std::string name = Base(r.path);
      auto claimed = MoveUnique(r.path, f.processing);
      if (!claimed) {
        if (claimed.error().code() == Status::Code::kNotFound) continue;  // gone: deleted or taken by another
        Line("retry", name, claimed.error().message());
        ++run_.retried;
        ++status_.counters.retried;
        trackers_[i]->Touch(r.path);  // try again after the settle delay
        continue;
      }
      if (Status st = MoveSidecar(r.path, *claimed); !st.ok()) Line("notice", name, st.message());
      ::unlink((r.path + ".done").c_str());
      ++run_.taken;
      ++status_.counters.taken;
      Line("taken", name, r.note.empty() ? "" : r.note);
      claimed_.push_back(Claimed{*claimed, name, i, 0, clock_.NowMicros(), false, r.note});
      any = true;
    }
  }
  return any;
}

// On stop, claimed files not yet tried go back to their input folder (under
// their own name, or a numbered one if a new file took it). Files waiting for
// a retry stay in processing/ and are resumed first at the next start.
void IntakeDaemon::Release() {
  std::deque<Claimed> kept;
  for (Claimed& c : claimed_) {
    if (c.attempts > 0 || c.resumed) {
      kept.push_back(std::move(c));
      continue;
    }
    const std::string& input = options_.folders[c.folder].input;
    auto back = MoveUnique(c.path, input);
    if (!back) {
      kept.push_back(std::move(c));
      continue;
    }
    (void)MoveSidecar(c.path, *back);
    --run_.taken;
    --status_.counters.taken;
    Line("released", c.name, "back to " + input);
  }
  claimed_ = std::move(kept);
}

bool IntakeDaemon::NothingLeft() const {
  if (!claimed_.empty()) return false;
  for (const auto& t : trackers_)
    if (t->size() != t->HeldIncomplete().size()) return false;
  return true;
}

int IntakeDaemon::TimeoutMs() const {
  int64_t now = clock_.NowMicros();
  int64_t wait = std::max<int64_t>(0, next_rescan_ - now);
  for (const auto& t : trackers_) {
    int64_t d = t->MicrosToNextDeadline();
    if (d >= 0) wait = std::min(wait, d);
  }
  for (const Claimed& c : claimed_) wait = std::min(wait, std::max<int64_t>(0, c.due - now));
  return static_cast<int>(std::min<int64_t>((wait + 999) / 1000, 60'000));
}

void IntakeDaemon::Line(const std::string& what, const std::string& name, const std::string& detail) {
  std::string line = what;
  line.resize(std::max<size_t>(line.size(), 9), ' ');
  line += " " + name;
  if (!detail.empty()) line += (name.empty() ? "" : "  ") + detail;
  status_.last = NowIso8601() + " " + line;
  if (log_) {
    std::fprintf(log_, "facteur watch: %s\n", line.c_str());
    std::fflush(log_);
  }
}

void IntakeDaemon::SaveStatus(bool force, const std::string& state) {
  if (options_.status_path.empty()) return;
  int64_t now = clock_.NowMicros();
  if (!force && now - last_save_ < 500'000) return;
  last_save_ = now;
  status_.state = state;
  status_.updated = NowIso8601();
  int64_t depth = static_cast<int64_t>(claimed_.size());
  for (const auto& t : trackers_) depth += static_cast<int64_t>(t->size());
  status_.counters.queue_depth = depth;
  if (Status st = WriteFileAtomic(options_.status_path, StatusJson(status_)); !st.ok() && log_)
    std::fprintf(log_, "facteur watch: %s\n", st.message().c_str());
}

}  // namespace facteur
