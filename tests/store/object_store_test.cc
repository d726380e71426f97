#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "core/hash.h"
#include "facteur/store.h"
#include "store/temp_home.h"
#include "testing/corpus.h"

namespace facteur {
namespace {

using testing::ReadFile;
using testing::TempHome;
using testing::TextDocument;
using testing::WriteFile;

TEST_CASE("KeepOriginal copies byte for byte under objects/ab/<sha256>, read-only", "[store]") {
  TempHome home;
  auto store = OpenSqliteStore(home.path()).value();
  std::string bytes = "II*\0 binary \xff\xfe with NULs\0\0 and more";
  bytes += std::string(200000, '\x5a');  // several copy buffers
  WriteFile(home / "scan.tif", bytes);
  std::string sha = Sha256Hex(bytes);

  auto kept = store->KeepOriginal(home / "scan.tif", sha);
  REQUIRE(kept.has_value());
  CHECK(*kept == home / ("objects/" + sha.substr(0, 2) + "/" + sha));
  CHECK(ReadFile(*kept) == bytes);
  struct stat st;
  REQUIRE(stat(kept->c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0444);

  SECTION("a second call is a no-op returning the same path") {
    auto again = store->KeepOriginal(home / "scan.tif", sha);
    REQUIRE(again.has_value());
    CHECK(*again == *kept);
    CHECK(ReadFile(*kept) == bytes);
  }
  SECTION("OriginalPath finds it through a stored document") {
    Document doc = TextDocument("doc-1", "x");
    doc.source.sha256 = sha;
    REQUIRE(store->Put(doc).ok());
    CHECK(store->OriginalPath("doc-1").value() == *kept);
  }
}

TEST_CASE("KeepOriginal keeps a corpus fax intact", "[store]") {
  TempHome home;
  auto store = OpenSqliteStore(home.path()).value();
  std::string fax = facteur::testing::CorpusPath("fax/CCITT_1.TIF");
  auto sha = Sha256File(fax);
  REQUIRE(sha.has_value());
  auto kept = store->KeepOriginal(fax, *sha);
  REQUIRE(kept.has_value());
  CHECK(Sha256File(*kept).value() == *sha);
  CHECK(ReadFile(*kept) == ReadFile(fax));
}

TEST_CASE("KeepOriginal refuses bytes that do not match the hash", "[store]") {
  TempHome home;
  auto store = OpenSqliteStore(home.path()).value();
  WriteFile(home / "scan.tif", "actual bytes");
  std::string wrong = Sha256Hex("other bytes");
  auto kept = store->KeepOriginal(home / "scan.tif", wrong);
  REQUIRE_FALSE(kept.has_value());
  CHECK(kept.error().code() == Status::Code::kCorrupt);
  CHECK(kept.error().message() == "keep original: " + home / "scan.tif" + ": content hashes to " +
                                      Sha256Hex("actual bytes") + ", expected " + wrong);
  // Neither the object nor a temp file is left behind.
  std::string dir = home / ("objects/" + wrong.substr(0, 2));
  CHECK(std::filesystem::is_empty(dir));
}

TEST_CASE("KeepOriginal reports a missing file or a bad hash clearly", "[store]") {
  TempHome home;
  auto store = OpenSqliteStore(home.path()).value();
  auto missing = store->KeepOriginal(home / "nope.tif", Sha256Hex("x"));
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code() == Status::Code::kIOError);
  CHECK(missing.error().message() == "keep original: " + home / "nope.tif" +
                                         ": cannot open: No such file or directory");

  WriteFile(home / "scan.tif", "x");
  auto bad = store->KeepOriginal(home / "scan.tif", "ABC");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("OriginalPath is NotFound when the original was never kept", "[store]") {
  TempHome home;
  auto store = OpenSqliteStore(home.path()).value();
  REQUIRE(store->Put(TextDocument("doc-1", "x")).ok());
  auto path = store->OriginalPath("doc-1");
  REQUIRE_FALSE(path.has_value());
  CHECK(path.error().code() == Status::Code::kNotFound);
}

}  // namespace
}  // namespace facteur
