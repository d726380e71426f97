// Issue 7: legal holds and purge past retention, with tombstones.
#include <filesystem>

#include <catch2/catch.hpp>

#include "core/hash.h"
#include "facteur/store.h"
#include "store/temp_home.h"

namespace facteur {
namespace {

using testing::TempHome;
using testing::TextDocument;
namespace fs = std::filesystem;

TEST_CASE("Purge deletes only records past retention and not on hold, leaving tombstones", "[archive]") {
  TempHome home;
  auto store = OpenSqliteStore(home.path()).value();
  auto add = [&](const std::string& id, const std::string& label, const std::string& received) {
    std::string original = home / (id + ".tif");
    testing::WriteFile(original, "bytes of " + id);
    Document doc = TextDocument(id, "lettre " + id);
    doc.source.sha256 = Sha256File(original).value();
    doc.source.received = received;
    doc.classification.label = label;
    REQUIRE(store->KeepOriginal(original, doc.source.sha256).has_value());
    testing::WriteFile(home / (id + ".pdf"), "%PDF " + id);
    doc.pdf_path = home / (id + ".pdf");
    REQUIRE(store->Put(doc).ok());
    return store->OriginalPath(id).value();
  };
  std::string old_letter = add("old-letter", "termination", "2019-05-01T10:00:00Z");
  std::string held = add("held", "termination", "2018-01-01T10:00:00Z");
  add("old-invoice", "invoice", "2019-05-01T10:00:00Z");   // invoices keep 10 years
  add("recent", "termination", "2024-05-01T10:00:00Z");
  add("unlisted", "quote", "2001-01-01T10:00:00Z");         // no rule and no "*": kept

  REQUIRE(store->SetHold("held", true, "litige 2025-17").ok());
  CHECK(store->SetHold("nope", true, "").code() == Status::Code::kNotFound);
  std::map<std::string, int> years = {{"invoice", 10}, {"termination", 5}};

  auto due = store->Purge(years, "2026-01-01", /*dry_run=*/true);
  REQUIRE(due.has_value());
  CHECK(*due == std::vector<std::string>{"old-letter"});
  CHECK(store->Get("old-letter").has_value());  // dry run kept it

  auto purged = store->Purge(years, "2026-01-01", false);
  REQUIRE(purged.has_value());
  CHECK(*purged == std::vector<std::string>{"old-letter"});
  CHECK(store->Get("old-letter").error().code() == Status::Code::kNotFound);
  CHECK_FALSE(fs::exists(old_letter));
  CHECK_FALSE(fs::exists(home / "documents/old-letter.pdf"));
  CHECK(fs::exists(held));
  for (const char* id : {"held", "old-invoice", "recent", "unlisted"}) CHECK(store->Get(id).has_value());

  auto journal = store->Journal("old-letter").value();
  REQUIRE_FALSE(journal.empty());
  CHECK(journal.back().stage == "purge");
  CHECK(journal.back().message.find("retention of 5 year(s) for class 'termination' ended 2024-05-01") == 0);
  CHECK(journal.back().message.find("original " + Sha256Hex("bytes of old-letter")) != std::string::npos);
  CHECK(journal.back().message.find("pdf " + Sha256Hex("%PDF old-letter")) != std::string::npos);
  CHECK(store->Verify({}).value().empty());
  CHECK(store->Verify({"old-letter"}).value().empty());  // a tombstone is not a loss

  // Released, the held record goes at the next purge.
  REQUIRE(store->SetHold("held", false, "litige clos").ok());
  CHECK(store->Purge(years, "2026-01-01", false).value() == std::vector<std::string>{"held"});
  CHECK(store->Verify({}).value().empty());
}

}  // namespace
}  // namespace facteur
