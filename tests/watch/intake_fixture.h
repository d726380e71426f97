// Test-only: a home with a no-OCR pipeline (import + classify.rules), a store,
// a long-lived runner and an inbox, for running the intake daemon in-process.
#ifndef FACTEUR_TESTS_WATCH_INTAKE_FIXTURE_H_
#define FACTEUR_TESTS_WATCH_INTAKE_FIXTURE_H_

#include <stdio.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "facteur/pipeline.h"
#include "facteur/store.h"
#include "testing/temp_dir.h"
#include "watch/intake_daemon.h"
#include "watch/intake_files.h"
#include "testing/no_ocr_pipeline.h"

namespace facteur::testing {

// A small 8-bit PGM whose pixels depend on `n`: distinct bytes for each n.
inline std::string Pgm(int n) {
  std::string s = "P5\n32 32\n255\n";
  for (int i = 0; i < 32 * 32; ++i) s += static_cast<char>((i * 7 + n * 131 + (i / 32) * (n % 17)) & 0xFF);
  s[13] = static_cast<char>(n & 0xFF);
  s[14] = static_cast<char>((n >> 8) & 0xFF);
  return s;
}

class IntakeFixture {
 public:
  IntakeFixture() : home_(dir_.File("home")), inbox_(dir_.File("inbox")) {
    std::filesystem::create_directories(inbox_);
    pipeline_ = std::make_unique<Pipeline>(ParsePipeline(kNoOcrPipeline, "no-ocr.yaml").value());
    store_ = OpenSqliteStore(home_).value();
    RunOptions ro;
    ro.jobs = 2;
    ro.work_dir = home_ + "/work/test";
    runner_ = PipelineRunner::Start(*pipeline_, *store_, ro).value();
    log_ = ::open_memstream(&log_buf_, &log_len_);
  }
  ~IntakeFixture() {
    runner_.reset();
    std::fclose(log_);
    std::free(log_buf_);
  }

  const std::string& home() const { return home_; }
  const std::string& inbox() const { return inbox_; }
  std::string Intake(const std::string& sub) const { return home_ + "/intake/" + sub; }
  Store& store() { return *store_; }
  PipelineRunner& runner() { return *runner_; }
  FILE* log() { return log_; }
  std::string LogText() {
    std::fflush(log_);
    return std::string(log_buf_, log_len_);
  }

  WatchOptions Options(bool once) const {
    WatchOptions o;
    o.folders.push_back(WatchedFolder{inbox_, Intake("processing"), Intake("done"), Intake("failed")});
    o.status_path = home_ + "/intake/status.json";
    o.free_space_path = home_;
    o.stability.settle_micros = 0;
    o.rescan_micros = 200'000;
    o.retry_first_micros = 10'000;
    o.once = once;
    return o;
  }

  // PrepareFolders + Create + Run.
  Result<IntakeCounters> RunDaemon(const WatchOptions& o, std::vector<std::string>* left = nullptr) {
    if (Status st = PrepareFolders(o); !st.ok()) return Err(st);
    auto daemon = IntakeDaemon::Create(*runner_, store_.get(), o, SystemClock(), log_);
    if (!daemon) return Err(daemon.error());
    auto counters = (*daemon)->Run();
    if (left) *left = (*daemon)->left();
    return counters;
  }

  std::string Drop(const std::string& name, const std::string& bytes) const {
    std::string path = inbox_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  // Names of the files in `dir` that are not sidecars or error reports.
  static std::vector<std::string> Files(const std::string& dir) {
    std::vector<std::string> out;
    auto names = ListNames(dir);
    if (!names) return out;
    for (const std::string& n : *names)
      if (!IsSidecarName(n) && !IgnoredName(n)) out.push_back(n);
    return out;
  }

 private:
  TempDir dir_;
  std::string home_, inbox_;
  std::unique_ptr<Pipeline> pipeline_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<PipelineRunner> runner_;
  FILE* log_ = nullptr;
  char* log_buf_ = nullptr;
  size_t log_len_ = 0;
};

// Polls `done` every 20 ms for up to `seconds`; true when it held.
inline bool WaitFor(const std::function<bool()>& done, double seconds = 30) {
  auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < end) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_WATCH_INTAKE_FIXTURE_H_
