// StabilityTracker with a fake clock and a fake format check: no sleeps.
#include "watch/stability_tracker.h"

#include <catch2/catch.hpp>
#include <map>

#include "testing/fake_clock.h"

using facteur::Completeness;
using facteur::CompletenessReport;
using facteur::FileState;
using facteur::StabilityOptions;
using facteur::StabilityTracker;
using facteur::testing::FakeClock;

namespace {

struct Harness {
  explicit Harness(StabilityOptions options = {.settle_micros = 2'000'000, .abandon_micros = 60'000'000})
      : tracker(clock, options, [this](const std::string& path) {
          ++checks[path];
          auto it = verdicts.find(path);
          return it != verdicts.end() ? it->second : CompletenessReport{Completeness::kComplete, ""};
        }) {}

  std::vector<std::string> Ready() {
    std::vector<std::string> out;
    for (auto& r : tracker.TakeReady()) out.push_back(r.path);
    return out;
  }

  FakeClock clock;
  std::map<std::string, CompletenessReport> verdicts;
  std::map<std::string, int> checks;
  StabilityTracker tracker;
};

const std::vector<std::string> kNone;

}  // namespace

TEST_CASE("StabilityTracker takes a file only after a stat a full settle period after its last change",
          "[watch]") {
  Harness h;
  h.tracker.Observe("in/a.tif", FileState{100, 1});
  CHECK(h.Ready() == kNone);
  h.clock.AdvanceMillis(1999);
  h.tracker.Observe("in/a.tif", FileState{100, 1});
  CHECK(h.Ready() == kNone);
  h.clock.AdvanceMillis(1);
  CHECK(h.Ready() == kNone);  // quiet long enough, but no stat has confirmed it yet
  h.tracker.Observe("in/a.tif", FileState{100, 1});
  CHECK(h.Ready() == std::vector<std::string>{"in/a.tif"});
  CHECK(h.tracker.size() == 0);  // taken files are forgotten
  CHECK(h.Ready() == kNone);
}

TEST_CASE("StabilityTracker starts the quiet period again on an event, a new size or a new mtime",
          "[watch]") {
  Harness h;
  h.tracker.Observe("a", FileState{100, 1});
  h.clock.AdvanceMillis(1500);
  h.tracker.Observe("a", FileState{200, 1});  // grew
  h.clock.AdvanceMillis(1500);
  h.tracker.Observe("a", FileState{200, 1});
  CHECK(h.Ready() == kNone);
  h.clock.AdvanceMillis(500);
  h.tracker.Observe("a", FileState{200, 2});  // same size, new mtime
  h.clock.AdvanceMillis(1900);
  h.tracker.Touch("a");  // inotify: written again
  h.clock.AdvanceMillis(1900);
  h.tracker.Observe("a", FileState{200, 2});
  CHECK(h.Ready() == kNone);
  h.clock.AdvanceMillis(100);
  h.tracker.Observe("a", FileState{200, 2});
  CHECK(h.Ready() == std::vector<std::string>{"a"});
}

TEST_CASE("StabilityTracker holds a quiet file whose format is incomplete, then takes it with a note",
          "[watch]") {
  Harness h;
  h.verdicts["scan.pdf"] = {Completeness::kIncomplete, "pdf: no %%EOF at the end yet"};
  h.tracker.Observe("scan.pdf", FileState{5000, 7});
  h.clock.AdvanceMillis(2000);
  h.tracker.Observe("scan.pdf", FileState{5000, 7});
  CHECK(h.Ready() == kNone);
  CHECK(h.tracker.HeldIncomplete() == std::vector<std::string>{"scan.pdf"});
  CHECK(h.tracker.MicrosToNextDeadline() == 58'000'000);  // waits for the abandon delay now

  SECTION("the rest of the file arrives: judged again and taken") {
    h.verdicts.erase("scan.pdf");
    h.clock.AdvanceMillis(10'000);
    h.tracker.Observe("scan.pdf", FileState{9000, 8});
    CHECK(h.Ready() == kNone);  // changed: quiet again first
    h.clock.AdvanceMillis(2000);
    h.tracker.Observe("scan.pdf", FileState{9000, 8});
    CHECK(h.Ready() == std::vector<std::string>{"scan.pdf"});
    CHECK(h.checks["scan.pdf"] == 2);  // once per state, not once per poll
  }
  SECTION("nothing more arrives: taken after the abandon delay, with the reason") {
    for (int i = 0; i < 57; ++i) {
      h.clock.AdvanceMillis(1000);
      h.tracker.Observe("scan.pdf", FileState{5000, 7});
      REQUIRE(h.Ready() == kNone);
    }
    CHECK(h.checks["scan.pdf"] == 1);
    h.clock.AdvanceMillis(1000);
    h.tracker.Observe("scan.pdf", FileState{5000, 7});
    auto ready = h.tracker.TakeReady();
    REQUIRE(ready.size() == 1);
    CHECK(ready[0].note == "taken although incomplete after 60 s quiet: pdf: no %%EOF at the end yet");
  }
}

TEST_CASE("StabilityTracker lets formats it cannot judge through for the importer to decide", "[watch]") {
  Harness h({.settle_micros = 0});
  h.verdicts["x.pgm"] = {Completeness::kUnknown, ""};
  h.tracker.Observe("x.pgm", FileState{10, 1});
  CHECK(h.Ready() == std::vector<std::string>{"x.pgm"});
}

TEST_CASE("StabilityTracker with markers takes a file as soon as its NAME.done exists", "[watch]") {
  Harness h({.settle_micros = 2'000'000, .require_marker = true});
  h.verdicts["fax.tif"] = {Completeness::kIncomplete, "not judged with markers"};
  h.tracker.Observe("fax.tif", FileState{100, 1, false});
  h.clock.AdvanceMillis(100'000);
  h.tracker.Observe("fax.tif", FileState{100, 1, false});
  CHECK(h.Ready() == kNone);
  h.tracker.Observe("fax.tif", FileState{100, 1, true});
  CHECK(h.Ready() == std::vector<std::string>{"fax.tif"});
  CHECK(h.checks["fax.tif"] == 0);
}

TEST_CASE("StabilityTracker gives ready files in the order first seen and forgets vanished ones", "[watch]") {
  Harness h({.settle_micros = 1'000'000});
  for (const char* p : {"c", "a", "b", "gone"}) {
    h.tracker.Observe(p, FileState{1, 1});
    h.clock.AdvanceMillis(10);
  }
  CHECK(h.tracker.MicrosToNextDeadline() == 1'000'000 - 40'000);
  h.tracker.Forget("gone");
  h.clock.AdvanceMillis(1000);
  for (const char* p : {"a", "b", "c"}) h.tracker.Observe(p, FileState{1, 1});
  auto first = h.tracker.TakeReady(2);  // a bounded take leaves the rest tracked
  REQUIRE(first.size() == 2);
  CHECK(first[0].path == "c");
  CHECK(first[1].path == "a");
  CHECK(h.Ready() == std::vector<std::string>{"b"});
  CHECK(h.tracker.MicrosToNextDeadline() == -1);
}
