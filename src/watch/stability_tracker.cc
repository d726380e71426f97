#include "watch/stability_tracker.h"

#include <algorithm>

namespace facteur {

StabilityTracker::StabilityTracker(const Clock& clock, StabilityOptions options, CompletenessCheck check)
    : clock_(clock), options_(options), check_(std::move(check)) {}

void StabilityTracker::Touch(const std::string& path) {
  auto [it, added] = files_.try_emplace(path);
  if (added) it->second.order = next_order_++;
  it->second.changed = clock_.NowMicros();
  it->second.checked = false;
}

void StabilityTracker::Observe(const std::string& path, const FileState& state) {
  int64_t now = clock_.NowMicros();
  auto [it, added] = files_.try_emplace(path);
  Entry& e = it->second;
  if (added) e.order = next_order_++;
  if (added || !e.observed || !(e.state == state)) {
    e.changed = now;
    e.checked = false;
  }
  e.state = state;
  e.observed = true;
  e.observed_at = now;
}

void StabilityTracker::Forget(const std::string& path) { files_.erase(path); }

// Quiet: the latest stat was made a full settle period after the last change
// and saw the same size and mtime (Observe resets `changed` otherwise).
bool StabilityTracker::Quiet(const Entry& e) const {
  return e.observed && e.observed_at - e.changed >= options_.settle_micros;
}

std::vector<StabilityTracker::Ready> StabilityTracker::TakeReady(size_t max) {
  std::vector<std::pair<uint64_t, Ready>> ready;
  int64_t now = clock_.NowMicros();
  for (auto& [path, e] : files_) {
    if (!e.observed) continue;
    if (options_.require_marker) {
      if (e.state.marker) ready.push_back({e.order, Ready{path, ""}});
      continue;
    }
    if (!Quiet(e)) continue;
    if (!e.checked) {
      e.report = check_(path);
      e.checked = true;
    }
    if (e.report.verdict != Completeness::kIncomplete) {
      ready.push_back({e.order, Ready{path, ""}});
    } else if (now - e.changed >= options_.abandon_micros) {
      ready.push_back({e.order, Ready{path, "taken although incomplete after " +
                                                std::to_string((now - e.changed) / 1'000'000) +
                                                " s quiet: " + e.report.reason}});
    }
  }
  std::sort(ready.begin(), ready.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Ready> out;
  if (ready.size() > max) ready.resize(max);
  for (auto& [order, r] : ready) {
    files_.erase(r.path);
    out.push_back(std::move(r));
  }
  return out;
}

int64_t StabilityTracker::MicrosToNextDeadline() const {
  int64_t now = clock_.NowMicros(), best = -1;
  for (const auto& [path, e] : files_) {
    if (options_.require_marker) continue;  // markers arrive as events or on rescan
    int64_t due = e.changed + options_.settle_micros;
    if (e.checked && e.report.verdict == Completeness::kIncomplete) due = e.changed + options_.abandon_micros;
    int64_t wait = std::max<int64_t>(0, due - now);
    if (best < 0 || wait < best) best = wait;
  }
  return best;
}

std::vector<std::string> StabilityTracker::Paths() const {
  std::vector<std::string> out;
  for (const auto& [path, e] : files_) out.push_back(path);
  return out;
}

std::vector<std::string> StabilityTracker::HeldIncomplete() const {
  std::vector<std::string> out;
  for (const auto& [path, e] : files_)
    if (Quiet(e) && e.checked && e.report.verdict == Completeness::kIncomplete) out.push_back(path);
  return out;
}

}  // namespace facteur
