// The intake daemon run once over a folder: bursts, duplicates, resume after
// a crash, sidecars, refused names, retries.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/hash.h"
#include "testing/corpus.h"
#include "watch/intake_fixture.h"

using namespace facteur;
using namespace facteur::testing;
namespace fs = std::filesystem;

namespace {

using facteur::testing::Slurp;

// How many times the store kept these bytes as a new original.
int TimesKept(Store& store, const std::string& sha) {
  auto id = store.FindByOriginal(sha);
  if (!id || !*id) return 0;
  auto doc = store.Get(**id);
  if (!doc) return 0;
  int kept = 0;
  for (const Event& e : doc->events)
    if (e.stage == "intake" && e.message.rfind("original kept", 0) == 0) ++kept;
  return kept;
}

}  // namespace

TEST_CASE("The intake takes 500 files dropped in one burst, some identical, each exactly once", "[watch]") {
  IntakeFixture f;
  std::string g4 = Slurp(CorpusPath("tiff/g4-multi.tiff"));
  std::set<std::string> shas;
  for (int i = 0; i < 480; ++i) {
    f.Drop("scan-" + std::to_string(i) + ".pgm", Pgm(i));
    shas.insert(Sha256Hex(Pgm(i)));
  }
  for (int i = 0; i < 20; ++i) f.Drop("fax-copy-" + std::to_string(i) + ".tif", g4);
  shas.insert(Sha256Hex(g4));
  REQUIRE(shas.size() == 481);

  auto counters = f.RunDaemon(f.Options(true));
  REQUIRE(counters);
  CHECK(counters->taken == 500);
  CHECK(counters->done == 481);
  CHECK(counters->duplicate == 19);
  CHECK(counters->failed == 0);
  CHECK(IntakeFixture::Files(f.Intake("done")).size() == 500);
  CHECK(IntakeFixture::Files(f.inbox()).empty());
  CHECK(IntakeFixture::Files(f.Intake("processing")).empty());
  CHECK(IntakeFixture::Files(f.Intake("failed")).empty());
  int once = 0;
  for (const std::string& sha : shas) once += TimesKept(f.store(), sha) == 1;
  CHECK(once == 481);
  auto status = ParseStatusJson(Slurp(f.home() + "/intake/status.json"), "status.json");
  REQUIRE(status);
  CHECK(status->state == "stopped");
  CHECK(status->counters.done == 481);
  CHECK(status->counters.duplicate == 19);
  CHECK(status->counters.queue_depth == 0);
}

TEST_CASE("The intake resumes files left in processing/ first and doubles none of them", "[watch]") {
  IntakeFixture f;
  WatchOptions o = f.Options(true);
  REQUIRE(PrepareFolders(o).ok());
  // Crash before storing: a.pgm sits in processing/. Crash after storing:
  // b.pgm's record exists but the file never reached done/.
  std::ofstream(f.Intake("processing") + "/a.pgm", std::ios::binary) << Pgm(1);
  std::ofstream(f.Intake("processing") + "/b.pgm", std::ios::binary) << Pgm(2);
  std::ofstream(f.Intake("processing") + "/b.pgm.json") << R"({"batch_id": "tray-7"})";
  auto first =
      f.runner().Run({InputFile{f.Intake("processing") + "/b.pgm", Channel::kFolder, {}}}, nullptr, nullptr);
  REQUIRE(first);
  REQUIRE(first->documents == 1);
  f.Drop("c.pgm", Pgm(3));

  auto counters = f.RunDaemon(o);
  REQUIRE(counters);
  CHECK(counters->done == 2);       // a and c
  CHECK(counters->duplicate == 1);  // b, stored before the "crash"
  CHECK(IntakeFixture::Files(f.Intake("done")) == std::vector<std::string>{"a.pgm", "b.pgm", "c.pgm"});
  CHECK(fs::exists(f.Intake("done") + "/b.pgm.json"));  // the sidecar went along
  for (int i : {1, 2, 3}) CHECK(TimesKept(f.store(), Sha256Hex(Pgm(i))) == 1);
  std::string log = f.LogText();
  CHECK(log.find("resume    a.pgm") < log.find("taken     c.pgm"));
  CHECK_THAT(log, Catch::Contains("(resumed after a restart)"));
}

TEST_CASE("A sidecar's metadata becomes the record's source context and travels with the file", "[watch]") {
  IntakeFixture f;
  f.Drop("fax-0042.pgm", Pgm(42));
  f.Drop("fax-0042.pgm.json", R"({"channel": "fax", "batch": "night-3", "received": "2026-11-22T03:10:00Z",
    "tsi": "+33 1 23 45 67 89", "caller": "0123456789", "did": "0999", "pages_expected": 1})");
  f.Drop("bad.pgm", Pgm(43));
  f.Drop("bad.pgm.json", "{not json");

  auto counters = f.RunDaemon(f.Options(true));
  REQUIRE(counters);
  CHECK(counters->done == 1);
  CHECK(counters->failed == 1);
  auto id = f.store().FindByOriginal(Sha256Hex(Pgm(42))).value();
  REQUIRE(id);
  auto doc = f.store().Get(*id).value();
  CHECK(doc.source.channel == Channel::kFax);
  CHECK(doc.source.received == "2026-11-22T03:10:00Z");
  CHECK(doc.source.context["batch_id"] == "night-3");
  CHECK(doc.source.context["fax_csid"] == "+33 1 23 45 67 89");
  CHECK(doc.source.context["caller_number"] == "0123456789");
  CHECK(doc.source.context["called_number"] == "0999");
  CHECK(doc.source.context["pages_expected"] == "1");
  CHECK(doc.source.context["intake_file"] == "fax-0042.pgm");
  CHECK(fs::exists(f.Intake("done") + "/fax-0042.pgm.json"));
  // A sidecar that does not parse: the file is not processed without it.
  CHECK(fs::exists(f.Intake("failed") + "/bad.pgm"));
  CHECK(fs::exists(f.Intake("failed") + "/bad.pgm.json"));
  CHECK_THAT(Slurp(f.Intake("failed") + "/bad.pgm.error.json"), Catch::Contains("\"stage\": \"sidecar\""));
}

TEST_CASE("The intake leaves temporary names alone and refuses symlinks and folders once", "[watch]") {
  IntakeFixture f;
  std::string real = f.Drop("real.pgm", Pgm(5));
  for (const char* name : {"upload.pgm.part", "x.tmp", "~lock.pgm", ".hidden.pgm", "Thumbs.db"})
    f.Drop(name, Pgm(6));
  fs::create_symlink(real, f.inbox() + "/link.pgm");
  fs::create_directory(f.inbox() + "/sub");
  WatchOptions o = f.Options(true);

  auto counters = f.RunDaemon(o);
  REQUIRE(counters);
  CHECK(counters->taken == 1);
  CHECK(IntakeFixture::Files(f.Intake("done")) == std::vector<std::string>{"real.pgm"});
  for (const char* name : {"upload.pgm.part", "x.tmp", "~lock.pgm", ".hidden.pgm", "Thumbs.db", "sub"})
    CHECK(fs::exists(f.inbox() + "/" + name));
  CHECK(fs::is_symlink(f.inbox() + "/link.pgm"));
  std::string log = f.LogText();
  CHECK_THAT(log, Catch::Contains("refused   link.pgm  a symlink"));
  CHECK_THAT(log, Catch::Contains("refused   sub  a folder"));
  CHECK(log.find("link.pgm") == log.rfind("link.pgm"));  // said once, though seen by several scans
}

TEST_CASE("The intake refuses working folders inside a watched folder", "[watch]") {
  IntakeFixture f;
  WatchOptions o = f.Options(true);
  o.folders[0].done = f.inbox() + "/done";
  Status st = PrepareFolders(o);
  CHECK(st.code() == Status::Code::kInvalidArgument);
  CHECK_THAT(st.message(), Catch::Contains("inside the watched folder"));
  o = f.Options(true);
  REQUIRE(PrepareFolders(o).ok());
  fs::create_directories(f.Intake("done") + "/sub");
  o.folders[0].input = f.Intake("done") + "/sub";
  CHECK_THAT(PrepareFolders(o).message(), Catch::Contains("is inside the working folder"));
}

TEST_CASE("A disk-full condition is retried with back-off, not failed, and the file resumes later",
          "[watch]") {
  IntakeFixture f;
  f.Drop("late.pgm", Pgm(9));
  WatchOptions o = f.Options(true);
  o.min_free_bytes = int64_t{1} << 60;  // no disk has that much: "disk full"
  o.once_attempts = 3;
  std::vector<std::string> left;
  auto first = f.RunDaemon(o, &left);
  REQUIRE(first);
  CHECK(first->retried == 3);
  CHECK(first->failed == 0);
  CHECK(left == std::vector<std::string>{f.Intake("processing") + "/late.pgm"});
  CHECK_THAT(f.LogText(), Catch::Contains("disk full"));

  auto second = f.RunDaemon(f.Options(true));
  REQUIRE(second);
  CHECK(second->done == 1);
  CHECK(IntakeFixture::Files(f.Intake("done")) == std::vector<std::string>{"late.pgm"});
}

TEST_CASE("A run with once leaves a quiet but incomplete file in the inbox for a later run", "[watch]") {
  IntakeFixture f;
  std::string png = Slurp(CorpusPath("pdf/baiona.png"));
  std::string path = f.Drop("half.png", png.substr(0, png.size() / 2));
  std::vector<std::string> left;
  auto first = f.RunDaemon(f.Options(true), &left);
  REQUIRE(first);
  CHECK(first->taken == 0);
  CHECK(left == std::vector<std::string>{path});
  CHECK(fs::exists(path));

  std::ofstream(path, std::ios::binary | std::ios::app) << png.substr(png.size() / 2);  // the rest arrives
  auto second = f.RunDaemon(f.Options(true));
  REQUIRE(second);
  CHECK(second->done == 1);
  CHECK(IntakeFixture::Files(f.Intake("done")) == std::vector<std::string>{"half.png"});
}
