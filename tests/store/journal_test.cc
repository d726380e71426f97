// Issue 7: the hash-chained journal and Verify, tampered with through the
// SQLite file itself, as someone with access to the disk would.
#include <filesystem>

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "core/hash.h"
#include "facteur/store.h"
#include "store/temp_home.h"

namespace facteur {
namespace {

using testing::TempHome;
using testing::TextDocument;
namespace fs = std::filesystem;

// Runs SQL on the store's database file from another connection.
void Tamper(const std::string& home, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((home + "/facteur.db").c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  INFO(message);
  REQUIRE(rc == SQLITE_OK);
}

// Someone with the file drops the append-only triggers first.
const std::string kUnlock = "DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete; ";

class JournalFixture {
 protected:
  JournalFixture() : store_(OpenSqliteStore(home_.path()).value()) {
    std::string original = home_ / "in.tif";
    testing::WriteFile(original, "original bytes of a scanned letter");
    Document doc = TextDocument("doc1", "Résiliation de mon contrat");
    doc.source.sha256 = Sha256File(original).value();
    original_ = store_->KeepOriginal(original, doc.source.sha256).value();
    std::string pdf = home_ / "doc1.pdf";
    testing::WriteFile(pdf, "%PDF-1.4 a searchable pdf");
    doc.pdf_path = pdf;
    doc.events = {{"2026-01-01T00:00:00Z", "intake", "original kept"},
                  {"2026-01-01T00:00:01Z", "import", "tiff, 1 page(s)"},
                  {"2026-01-01T00:00:02Z", "ocr.tesseract", "1 page(s)"}};
    REQUIRE(store_->Put(doc).ok());
    REQUIRE(store_->AddEvent("doc1", {"2026-01-02T00:00:00Z", "route", "to queue claims"}).ok());
  }
  // The problems Verify reports, one string each.
  std::vector<std::string> Problems(const std::vector<std::string>& ids = {}) {
    auto problems = store_->Verify(ids);
    REQUIRE(problems.has_value());
    std::vector<std::string> out;
    for (const IntegrityProblem& p : *problems) out.push_back(p.document_id + ": " + p.what);
    return out;
  }
  bool Mentions(const std::vector<std::string>& problems, const std::string& words) {
    for (const std::string& p : problems) {
      if (p.find(words) != std::string::npos) return true;
    }
    return false;
  }

  TempHome home_;
  std::unique_ptr<Store> store_;
  std::string original_;
};

TEST_CASE_METHOD(JournalFixture, "Every event and the stored files' hashes are journaled in a chain", "[archive]") {
  auto entries = store_->Journal("doc1");
  REQUIRE(entries.has_value());
  REQUIRE(entries->size() == 5);  // 3 events, the seal, the route event
  CHECK((*entries)[0].prev_hash == std::string(64, '0'));
  for (size_t i = 1; i < entries->size(); ++i) CHECK((*entries)[i].prev_hash == (*entries)[i - 1].hash);
  CHECK((*entries)[3].stage == "seal");
  CHECK((*entries)[3].message == "original " + Sha256File(original_).value() + "; pdf " +
                                     Sha256File(home_ / "documents/doc1.pdf").value());
  CHECK(store_->JournalHead().value().hash == entries->back().hash);
  CHECK(Problems().empty());

  // Putting the record back (as a correction would) journals only what is new.
  Document doc = store_->Get("doc1").value();
  doc.events.push_back({"2026-01-03T00:00:00Z", "correct", "class set to termination"});
  REQUIRE(store_->Put(doc).ok());
  CHECK(store_->Journal("doc1").value().size() == 6);
  CHECK(Problems().empty());
}

TEST_CASE_METHOD(JournalFixture, "The journal refuses updates and deletes through SQL", "[archive]") {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((home_.path() + "/facteur.db").c_str(), &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, "UPDATE journal SET message = 'x'", nullptr, nullptr, nullptr) != SQLITE_OK);
  CHECK(sqlite3_exec(db, "DELETE FROM journal", nullptr, nullptr, nullptr) != SQLITE_OK);
  sqlite3_close(db);
  CHECK(Problems().empty());
}

TEST_CASE_METHOD(JournalFixture, "Verify detects a tampered original and PDF", "[archive]") {
  fs::permissions(original_, fs::perms::owner_write, fs::perm_options::add);
  testing::WriteFile(original_, "original bytes of a forged letter");
  auto problems = Problems({"doc1"});
  REQUIRE(problems.size() == 1);
  CHECK(Mentions(problems, "doc1: original: " + original_ + " has sha256"));
  CHECK(Mentions(problems, "(file altered)"));

  testing::WriteFile(home_ / "documents/doc1.pdf", "%PDF-1.4 another pdf");
  CHECK(Mentions(Problems(), "doc1: pdf: "));
}

TEST_CASE_METHOD(JournalFixture, "Verify detects an edited journal message", "[archive]") {
  Tamper(home_.path(), kUnlock + "UPDATE journal SET message = 'pdf, 1 page(s)' WHERE seq = 2");
  auto problems = Problems();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == "doc1: journal entry #2 (doc1, import): content does not match its hash (edited or moved)");
}

TEST_CASE_METHOD(JournalFixture, "Verify detects a deleted journal entry, in the middle or at the end", "[archive]") {
  SECTION("middle") {
    Tamper(home_.path(), kUnlock + "DELETE FROM journal WHERE seq = 3");
    auto problems = Problems();
    CHECK(Mentions(problems, "journal entries #3 to #3 are missing (deleted)"));
    CHECK(Mentions(problems, "journal entry #4 (doc1, seal): link to the entry before is broken"));
  }
  SECTION("end") {
    Tamper(home_.path(), kUnlock + "DELETE FROM journal WHERE seq = 5");
    CHECK(Mentions(Problems(), "journal entries #5 to #5 (the newest) are missing (deleted)"));
  }
  SECTION("the seal") {
    Tamper(home_.path(), kUnlock + "DELETE FROM journal WHERE stage = 'seal'");
    CHECK(Mentions(Problems(), "doc1: journal: no seal for this record"));
  }
}

TEST_CASE_METHOD(JournalFixture, "Verify detects two journal entries swapped", "[archive]") {
  Tamper(home_.path(), kUnlock +
                           "UPDATE journal SET seq = -1 WHERE seq = 2; UPDATE journal SET seq = 2 WHERE seq = 3; "
                           "UPDATE journal SET seq = 3 WHERE seq = -1;");
  auto problems = Problems();
  CHECK(Mentions(problems, "journal entry #2 (doc1, ocr.tesseract): link to the entry before is broken"));
  CHECK(Mentions(problems, "journal entry #2 (doc1, ocr.tesseract): content does not match its hash"));
  CHECK(Mentions(problems, "journal entry #3 (doc1, import): content does not match its hash"));
}

TEST_CASE_METHOD(JournalFixture, "Verify of an unknown id is kNotFound", "[archive]") {
  auto r = store_->Verify({"nope"});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code() == Status::Code::kNotFound);
}

}  // namespace
}  // namespace facteur
