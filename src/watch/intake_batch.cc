// The daemon's processing of claimed files: a batch through the runner, then
// each original to done/ or failed/, or back in the queue for a transient
// failure.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "core/clock.h"
#include "core/files.h"
#include "watch/intake_daemon.h"
#include "watch/intake_files.h"

namespace facteur {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Failures that go away by themselves. The runner marks kBusy failures
// (store locked, disk full) as Document::retryable; this catches the same
// conditions when they reach us only as text from a library.
bool Transient(const std::string& error) {
  std::string e = Lower(error);
  for (const char* s :
       {"no space left on device", "disk quota exceeded", "database is locked", "database table is locked",
        "device or resource busy", "resource temporarily unavailable", "sqlite_busy", "text file busy"})
    if (e.find(s) != std::string::npos) return true;
  return false;
}

// "import" when the original never opened, else the stage the message names
// ("classify.rules: ..."), else "pipeline".
std::string FailureStage(const Document& doc, const std::string& path) {
  if (doc.source.sha256.empty()) return "intake";
  if (doc.source.format.empty()) return "import";
  std::string msg = doc.error;
  if (msg.rfind(path + ": ", 0) == 0) msg = msg.substr(path.size() + 2);
  size_t colon = msg.find(':');
  std::string head = msg.substr(0, colon);
  bool stage_like =
      colon != std::string::npos && head.find('.') != std::string::npos &&
      std::all_of(head.begin(), head.end(), [](char c) { return std::islower(c) || c == '.' || c == '_'; });
  return stage_like ? head : "pipeline";
}

}  // namespace

struct IntakeDaemon::Outcome {
  bool seen = false;
  bool failed = false, stored = false, duplicate = false, retryable = false;
  std::string error, stage, ids, sha256;
};

// Takes up to `batch` due files through the runner. Returns whether any was.
bool IntakeDaemon::ProcessDue() {
  int64_t now = clock_.NowMicros();
  std::vector<Claimed> batch;
  std::deque<Claimed> later;
  for (Claimed& c : claimed_) {
    if (c.due <= now && static_cast<int>(batch.size()) < std::max(1, options_.batch))
      batch.push_back(std::move(c));
    else
      later.push_back(std::move(c));
  }
  claimed_ = std::move(later);
  if (batch.empty()) return false;

  std::vector<InputFile> inputs;
  std::vector<Claimed> running;
  for (Claimed& c : batch) {
    InputFile input;
    if (Prepare(c, input)) {
      inputs.push_back(std::move(input));
      running.push_back(std::move(c));
    }
  }
  if (running.empty()) return true;
  std::map<std::string, Outcome> outcomes;
  auto summary = runner_.Run(
      inputs,
      [&](const Document& doc) {
        Outcome& o = outcomes[doc.source.path];
        o.seen = true;
        if (doc.status == DocStatus::kFailed) {
          o.failed = true;
          o.retryable = o.retryable || doc.retryable;
          if (o.error.empty()) {
            o.error = doc.error;
            o.stage = FailureStage(doc, doc.source.path);
          }
        } else if (doc.status == DocStatus::kDuplicate) {
          o.duplicate = true;
        } else {
          o.stored = true;
        }
        o.sha256 = doc.source.sha256;
        if (!doc.id.empty()) o.ids += (o.ids.empty() ? "" : ",") + doc.id;
      },
      nullptr);
  for (Claimed& c : running) {
    if (!summary) {
      Retry(std::move(c), summary.error().message());
      continue;
    }
    Finish(c, outcomes[c.path]);
  }
  return true;
}

// The sidecar and a free-space check. False when the file was dealt with
// (failed or put back).
bool IntakeDaemon::Prepare(Claimed& item, InputFile& input) {
  struct stat st;
  if (::lstat(item.path.c_str(), &st) != 0) {
    Line("notice", item.name, item.path + " vanished from processing/ (removed by hand?)");
    return false;
  }
  input.path = item.path;
  input.channel = Channel::kFolder;
  std::string sidecar = item.path + ".json";
  if (::access(sidecar.c_str(), F_OK) == 0) {
    auto text = ReadFile(sidecar);
    auto parsed = text ? ParseSidecar(*text, item.name + ".json") : Result<Sidecar>(Err(text.error()));
    if (!parsed) {
      MoveToFailed(item, item.name + ": sidecar " + parsed.error().message(), "sidecar");
      return false;
    }
    input.channel = parsed->channel;
    input.context = parsed->context;
  }
  input.context["intake_file"] = item.name;
  if (!options_.free_space_path.empty()) {
    auto free = FreeBytes(options_.free_space_path);
    if (free && *free < options_.min_free_bytes + 2 * static_cast<int64_t>(st.st_size)) {
      Retry(std::move(item),
            "disk full: " + std::to_string(*free >> 20) + " MB free on " + options_.free_space_path);
      return false;
    }
  }
  return true;
}

void IntakeDaemon::Finish(Claimed& item, const Outcome& o) {
  if (!o.seen) return Retry(std::move(item), "the runner did not report the file");
  if (o.failed && (o.retryable || Transient(o.error))) return Retry(std::move(item), o.error);
  if (o.failed) return MoveToFailed(item, o.error, o.stage);
  if (o.duplicate && !o.stored && store_) {
    // The runner remembers the hashes it has seen, including those of files
    // whose first attempt failed (disk full...): make sure the record exists.
    auto found = store_->FindByOriginal(o.sha256);
    if (!found) return Retry(std::move(item), found.error().message());
    if (!*found)
      return MoveToFailed(item,
                          item.name +
                              ": reported as a duplicate, but no record of these bytes is stored "
                              "(an earlier attempt in this run failed); move it back after a restart",
                          "intake");
  }
  if (o.duplicate && !o.stored) {
    ++run_.duplicate;
    ++status_.counters.duplicate;
    return MoveToDone(item, "duplicate",
                      "already stored as " + o.ids + (item.resumed ? " (resumed after a restart)" : ""));
  }
  ++run_.done;
  ++status_.counters.done;
  MoveToDone(item, "done", o.ids);
}

void IntakeDaemon::MoveToDone(Claimed& item, const std::string& what, const std::string& detail) {
  const WatchedFolder& f = options_.folders[item.folder];
  if (options_.delete_done) {
    // The store holds the original byte for byte (KeepOriginal), so the copy
    // here may go.
    ::unlink((item.path + ".json").c_str());
    if (::unlink(item.path.c_str()) != 0) Line("notice", item.name, "cannot delete " + item.path);
    return Line(what, item.name, detail + " (deleted)");
  }
  auto moved = MoveUnique(item.path, f.done);
  if (!moved) return Retry(std::move(item), moved.error().message());
  if (Status st = MoveSidecar(item.path, *moved); !st.ok()) Line("notice", item.name, st.message());
  Line(what, item.name, detail + " -> " + *moved);
}

// NAME.error.json is written before the original moves, so a file in
// failed/ always has its reason beside it.
void IntakeDaemon::MoveToFailed(Claimed& item, const std::string& reason, const std::string& stage) {
  const WatchedFolder& f = options_.folders[item.folder];
  // The runner names the file by its path in processing/; the operator knows it by its name.
  std::string why = reason.rfind(item.path, 0) == 0 ? item.name + reason.substr(item.path.size()) : reason;
  FailureReport report{item.name, why, stage, NowIso8601(), item.attempts + 1};
  if (!item.note.empty()) report.reason += " (" + item.note + ")";
  auto moved = MoveUnique(item.path, f.failed, [&](const std::string& target) {
    return WriteFileAtomic(target + ".error.json", FailureJson(report));
  });
  if (!moved) return Retry(std::move(item), "cannot move to failed/: " + moved.error().message());
  if (Status st = MoveSidecar(item.path, *moved); !st.ok()) Line("notice", item.name, st.message());
  ++run_.failed;
  ++status_.counters.failed;
  Line("failed", item.name, report.reason + " -> " + *moved);
}

void IntakeDaemon::Retry(Claimed item, const std::string& reason) {
  ++item.attempts;
  ++run_.retried;
  ++status_.counters.retried;
  if (options_.once && item.attempts >= options_.once_attempts) {
    Line("left", item.name, "in processing/ after " + std::to_string(item.attempts) + " attempts: " + reason);
    left_.push_back(item.path);
    return;
  }
  int64_t delay = options_.retry_first_micros;
  for (int i = 1; i < item.attempts && delay < options_.retry_max_micros; ++i) delay *= 2;
  delay = std::min(delay, options_.retry_max_micros);
  item.due = clock_.NowMicros() + delay;
  Line("retry", item.name,
       "in " + std::to_string(delay / 1000) + " ms (attempt " + std::to_string(item.attempts) +
           "): " + reason);
  claimed_.push_back(std::move(item));
}

}  // namespace facteur
