// The intake daemon running live (in a thread, or the real binary): slow
// writers, bad files in the middle of good ones, SIGTERM, `facteur status`.
#include <signal.h>
#include <sys/wait.h>
#include <tiffio.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/hash.h"
#include "testing/cli.h"
#include "testing/corpus.h"
#include "watch/intake_fixture.h"

using namespace facteur;
using namespace facteur::testing;
namespace fs = std::filesystem;

namespace {

using facteur::testing::Slurp;

// A 20-page 8-bit grey TIFF, each page 64x64 with its own pattern.
std::string TwentyPageTiff(const std::string& path) {
  TIFF* tif = TIFFOpen(path.c_str(), "w");
  REQUIRE(tif);
  std::vector<uint8_t> row(64);
  for (int page = 0; page < 20; ++page) {
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, 64);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, 64);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
    TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, 8);
    TIFFSetField(tif, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
    TIFFSetField(tif, TIFFTAG_PAGENUMBER, page, 20);
    for (int y = 0; y < 64; ++y) {
      for (int x = 0; x < 64; ++x) row[x] = static_cast<uint8_t>((x * (page + 1) + y * 3) & 0xFF);
      TIFFWriteScanline(tif, row.data(), y, 0);
    }
    TIFFWriteDirectory(tif);
  }
  TIFFClose(tif);
  return Slurp(path);
}

// Runs the daemon on its own thread until Stop().
class LiveDaemon {
 public:
  LiveDaemon(IntakeFixture& f, const WatchOptions& o) {
    REQUIRE(PrepareFolders(o).ok());
    daemon_ = IntakeDaemon::Create(f.runner(), &f.store(), o, SystemClock(), f.log()).value();
    thread_ = std::thread([this] { result_ = daemon_->Run(); });
  }
  ~LiveDaemon() { Stop(); }
  Result<IntakeCounters> Stop() {
    daemon_->RequestStop();
    if (thread_.joinable()) thread_.join();
    return result_;
  }

 private:
  std::unique_ptr<IntakeDaemon> daemon_;
  std::thread thread_;
  Result<IntakeCounters> result_ = Err(Status::Cancelled("not run"));
};

}  // namespace

TEST_CASE("A 20-page TIFF written slowly in chunks, with a long stall, is never taken early", "[watch]") {
  IntakeFixture f;
  std::string bytes = TwentyPageTiff(f.home() + "/twenty.tif");
  WatchOptions o = f.Options(false);
  o.stability.settle_micros = 150'000;
  LiveDaemon daemon(f, o);

  std::string path = f.inbox() + "/slow.tif";
  std::atomic<bool> taken_early{false};
  std::thread writer([&] {
    std::ofstream out(path, std::ios::binary);
    const size_t chunk = bytes.size() / 25 + 1;
    for (size_t at = 0, n = 0; at < bytes.size(); at += chunk, ++n) {
      out.write(bytes.data() + at, static_cast<std::streamsize>(std::min(chunk, bytes.size() - at)));
      out.flush();
      // Mostly quick chunks, and once a stall four times the settle delay,
      // as a scanner writing over SMB does.
      std::this_thread::sleep_for(std::chrono::milliseconds(n == 12 ? 600 : 20));
      if (!fs::exists(path)) taken_early = true;
    }
  });
  writer.join();
  REQUIRE(WaitFor([&] { return !IntakeFixture::Files(f.Intake("done")).empty(); }));
  REQUIRE(daemon.Stop());
  CHECK_FALSE(taken_early);
  CHECK(IntakeFixture::Files(f.Intake("failed")).empty());
  auto id = f.store().FindByOriginal(Sha256Hex(bytes)).value();
  REQUIRE(id);
  CHECK(f.store().Get(*id).value().pages.size() == 20);
}

TEST_CASE("A corrupt file lands in failed/ with its reason and the watcher keeps working after it",
          "[watch]") {
  IntakeFixture f;
  WatchOptions o = f.Options(false);
  o.stability.settle_micros = 50'000;
  o.stability.abandon_micros = 300'000;  // the truncated PNG below never completes
  LiveDaemon daemon(f, o);
  f.Drop("good-1.pgm", Pgm(1));
  f.Drop("garbage.tif", "this is not a scan, whatever its name says");
  f.Drop("truncated.png", Slurp(CorpusPath("pdf/baiona.png")).substr(0, 60000));
  f.Drop("good-2.pgm", Pgm(2));
  REQUIRE(WaitFor([&] {
    return IntakeFixture::Files(f.Intake("done")).size() == 2 &&
           IntakeFixture::Files(f.Intake("failed")).size() == 2;
  }));
  std::string report = Slurp(f.Intake("failed") + "/garbage.tif.error.json");
  CHECK_THAT(report, Catch::Contains("garbage.tif"));
  CHECK_THAT(report, Catch::Contains("\"stage\": \"import\""));
  CHECK_THAT(report, Catch::Contains("\"attempts\": 1"));
  CHECK_THAT(Slurp(f.Intake("failed") + "/truncated.png.error.json"),
             Catch::Contains("taken although incomplete"));

  f.Drop("good-3.pgm", Pgm(3));  // after the bad ones: still taken
  REQUIRE(WaitFor([&] { return IntakeFixture::Files(f.Intake("done")).size() == 3; }));
  auto counters = daemon.Stop();
  REQUIRE(counters);
  CHECK(counters->done == 3);
  CHECK(counters->failed == 2);
}

TEST_CASE("A stop finishes the batch in hand and releases the files claimed ahead of it", "[watch]") {
  IntakeFixture f;
  WatchOptions o = f.Options(false);
  o.batch = 1;
  for (int i = 0; i < 40; ++i) f.Drop("s" + std::to_string(i) + ".pgm", Pgm(100 + i));
  LiveDaemon daemon(f, o);
  REQUIRE(WaitFor([&] { return !IntakeFixture::Files(f.Intake("done")).empty(); }));
  auto counters = daemon.Stop();
  REQUIRE(counters);
  CHECK(IntakeFixture::Files(f.Intake("processing")).empty());
  size_t done = IntakeFixture::Files(f.Intake("done")).size(),
         waiting = IntakeFixture::Files(f.inbox()).size();
  CHECK(done + waiting == 40);
  CHECK(counters->taken == static_cast<int64_t>(done));
  if (waiting > 0) CHECK_THAT(f.LogText(), Catch::Contains("released"));
}

TEST_CASE("facteur watch stops cleanly on SIGTERM and facteur status shows its counters", "[watch]") {
  IntakeFixture f;
  TempDir pipe_dir;
  std::string pipeline = pipe_dir.Write("no-ocr.yaml", kNoOcrPipeline);
  f.Drop("one.pgm", Pgm(11));
  f.Drop("two.pgm", Pgm(12));
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::freopen("/dev/null", "w", stderr);
    ::execl(FACTEUR_BINARY, "facteur", "watch", "--home", f.home().c_str(), "--pipeline", pipeline.c_str(),
            "--jobs", "1", "--settle", "0.05", f.inbox().c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  bool finished = WaitFor([&] { return IntakeFixture::Files(f.Intake("done")).size() == 2; });
  ::kill(pid, SIGTERM);
  int wstatus = 0;
  ::waitpid(pid, &wstatus, 0);
  REQUIRE(finished);
  CHECK(WIFEXITED(wstatus));
  CHECK(WEXITSTATUS(wstatus) == 0);

  CliResult status = RunFacteur({"status", "--home", f.home()});
  CHECK(status.exit_code == 0);
  CHECK_THAT(status.out, Catch::Contains("stopped"));
  CHECK_THAT(status.out, Catch::Contains("taken 2, done 2, duplicate 0, failed 0"));
  CliResult json = RunFacteur({"status", "--home", f.home(), "--json"});
  CHECK_THAT(json.out, Catch::Contains("\"in_done\": 2"));
  CHECK(RunFacteur({"status", "--home", f.home() + "/nothing-here"}).exit_code == 4);

  f.Drop("three.pgm", Pgm(13));
  CliResult once =
      RunFacteur({"watch", "--once", "--settle", "0", "--home", f.home(), "--pipeline", pipeline, f.inbox()});
  INFO(once.err);
  CHECK(once.exit_code == 0);
  CHECK_THAT(once.err, Catch::Contains("done      three.pgm"));
  CliResult inside = RunFacteur({"watch", "--once", "--home", f.inbox() + "/h", f.inbox()});
  CHECK(inside.exit_code == 2);
  CHECK_THAT(inside.err, Catch::Contains("inside the watched folder"));
}
