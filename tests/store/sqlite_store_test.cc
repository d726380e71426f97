#include <sys/stat.h>

#include <filesystem>
#include <optional>

#include <catch2/catch.hpp>

#include "facteur/store.h"
#include "store/temp_home.h"

namespace facteur {
namespace {

using testing::ReadFile;
using testing::TempHome;
using testing::TextDocument;
using testing::WriteFile;

std::unique_ptr<Store> Open(const TempHome& home) {
  auto store = OpenSqliteStore(home.path());
  REQUIRE(store.has_value());
  return std::move(*store);
}

// Get that must succeed; shows the Status otherwise.
Document MustGet(Store& store, const std::string& id) {
  auto got = store.Get(id);
  INFO((got.has_value() ? std::string("OK") : got.error().ToString()));
  REQUIRE(got.has_value());
  return std::move(*got);
}

Document FullDocument(const std::string& pdf_path) {
  Document doc;
  doc.id = "2026-11-22-0001";
  doc.source = {.path = "/scans/lettre été.tif",
                .sha256 = std::string(64, 'b'),
                .bytes = 123456,
                .format = "tiff",
                .channel = Channel::kFax,
                .received = "2026-11-22T17:41:00Z",
                .first_page = 2,
                .last_page = 3,
                .context = {{"batch", "B-17"}, {"csid", "+33 1 23 45 67 89"}}};
  for (int i = 0; i < 2; ++i) {
    Page p;
    p.index = i;
    p.source_index = i + 2;
    p.width = 1728;
    p.height = 2200 + i;
    p.dpi = 204.5;
    p.is_fax = true;
    p.has_text_layer = i == 1;
    p.ocr_failed = i == 0;
    p.text.text = i == 0 ? "" : "Résiliation de mon contrat\nMadame, Monsieur";
    p.text.mean_confidence = i == 0 ? -1.0f : 87.25f;
    if (i == 1) p.text.words = {{"Résiliation", 10, 20, 300, 40, 91.5f}, {"de", 320, 20, 40, 40, 88}};
    p.notes = {"import: fax 204x98 -> 204x204", "ocr: \"quoted\" note"};
    doc.pages.push_back(std::move(p));
  }
  doc.classification = {.label = "termination",
                        .confidence = 0.875,
                        .reason = "rule 'termination': 3 keywords",
                        .candidates = {{"termination", 0.875}, {"complaint", 0.125}}};
  doc.fields = {{"contract", {.value = "C-42", .confidence = 0.5, .page = 1}}};
  doc.queues = {"customer-care", "legal"};
  doc.status = DocStatus::kReview;
  doc.error = "";
  doc.duplicate_of = "";
  doc.pdf_path = pdf_path;
  doc.events = {{"2026-11-22T17:41:01Z", "import", "2 pages"},
                {"2026-11-22T17:41:09Z", "ocr", "page 1 failed"}};
  return doc;
}

TEST_CASE("SqliteStore creates its layout under HOME", "[store]") {
  TempHome home;
  auto store = Open(home);
  struct stat st;
  CHECK(stat((home / "facteur.db").c_str(), &st) == 0);
  CHECK(stat((home / "objects").c_str(), &st) == 0);
  CHECK(stat((home / "documents").c_str(), &st) == 0);
  CHECK(stat((home / "facteur.db-wal").c_str(), &st) == 0);  // WAL mode
}

TEST_CASE("SqliteStore Put then Get returns every field as stored", "[store]") {
  TempHome home;
  auto store = Open(home);
  WriteFile(home / "work.pdf", "%PDF-1.7 fake");
  REQUIRE(store->Put(FullDocument(home / "work.pdf")).ok());

  std::optional<Document> got = MustGet(*store, "2026-11-22-0001");
  Document want = FullDocument(home / "documents/2026-11-22-0001.pdf");
  const Document& d = *got;
  CHECK(d.id == want.id);
  CHECK(d.source.path == want.source.path);
  CHECK(d.source.sha256 == want.source.sha256);
  CHECK(d.source.bytes == want.source.bytes);
  CHECK(d.source.format == want.source.format);
  CHECK(d.source.channel == Channel::kFax);
  CHECK(d.source.received == want.source.received);
  CHECK(d.source.first_page == 2);
  CHECK(d.source.last_page == 3);
  CHECK(d.source.context == want.source.context);
  REQUIRE(d.pages.size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    const Page& p = d.pages[i];
    const Page& w = want.pages[i];
    CHECK(p.index == w.index);
    CHECK(p.source_index == w.source_index);
    CHECK(p.width == w.width);
    CHECK(p.height == w.height);
    CHECK(p.dpi == w.dpi);
    CHECK(p.is_fax == w.is_fax);
    CHECK(p.has_text_layer == w.has_text_layer);
    CHECK(p.ocr_failed == w.ocr_failed);
    CHECK(p.text.text == w.text.text);
    CHECK(p.text.mean_confidence == w.text.mean_confidence);
    CHECK(p.notes == w.notes);
    CHECK(p.image.empty());
    REQUIRE(p.text.words.size() == w.text.words.size());
    for (size_t k = 0; k < w.text.words.size(); ++k) {
      CHECK(p.text.words[k].text == w.text.words[k].text);
      CHECK(p.text.words[k].x == w.text.words[k].x);
      CHECK(p.text.words[k].y == w.text.words[k].y);
      CHECK(p.text.words[k].w == w.text.words[k].w);
      CHECK(p.text.words[k].h == w.text.words[k].h);
      CHECK(p.text.words[k].confidence == w.text.words[k].confidence);
    }
  }
  CHECK(d.classification.label == "termination");
  CHECK(d.classification.confidence == 0.875);
  CHECK(d.classification.reason == want.classification.reason);
  REQUIRE(d.classification.candidates.size() == 2);
  CHECK(d.classification.candidates[1].label == "complaint");
  CHECK(d.classification.candidates[1].confidence == 0.125);
  REQUIRE(d.fields.count("contract") == 1);
  CHECK(d.fields.at("contract").value == "C-42");
  CHECK(d.fields.at("contract").confidence == 0.5);
  CHECK(d.fields.at("contract").page == 1);
  CHECK(d.queues == want.queues);
  CHECK(d.status == DocStatus::kReview);
  CHECK(d.error.empty());
  CHECK(d.duplicate_of.empty());
  CHECK(d.pdf_path == home / "documents/2026-11-22-0001.pdf");
  REQUIRE(d.events.size() == 2);
  CHECK(d.events[1].time == "2026-11-22T17:41:09Z");
  CHECK(d.events[1].stage == "ocr");
  CHECK(d.events[1].message == "page 1 failed");
  CHECK(d.Text() == want.Text());

  // The PDF moved into the store.
  CHECK(ReadFile(home / "documents/2026-11-22-0001.pdf") == "%PDF-1.7 fake");
  struct stat st;
  CHECK(stat((home / "work.pdf").c_str(), &st) != 0);
  CHECK(store->PdfPath(d.id).value() == d.pdf_path);

  // Putting back what Get returned keeps the PDF where it is.
  REQUIRE(store->Put(*got).ok());
  CHECK(ReadFile(home / "documents/2026-11-22-0001.pdf") == "%PDF-1.7 fake");
}

TEST_CASE("SqliteStore Get of an unknown id is NotFound", "[store]") {
  TempHome home;
  auto store = Open(home);
  auto got = store->Get("nope");
  REQUIRE_FALSE(got.has_value());
  CHECK(got.error().code() == Status::Code::kNotFound);
  CHECK(got.error().message() == "store: no document 'nope'");
  CHECK(store->PdfPath("nope").error().code() == Status::Code::kNotFound);
  CHECK(store->AddEvent("nope", {"t", "s", "m"}).code() == Status::Code::kNotFound);
}

TEST_CASE("SqliteStore Put replaces the record with the same id", "[store]") {
  TempHome home;
  auto store = Open(home);
  Document first = TextDocument("doc-1", "facture numéro 17");
  first.pages.emplace_back();
  first.pages.back().index = 1;
  first.events = {{"t1", "import", "old"}};
  REQUIRE(store->Put(first).ok());

  Document second = TextDocument("doc-1", "Résiliation de mon contrat");
  second.classification.label = "termination";
  second.events = {{"t2", "import", "new"}};
  REQUIRE(store->Put(second).ok());

  std::optional<Document> got = MustGet(*store, "doc-1");
  REQUIRE(got->pages.size() == 1);
  CHECK(got->pages[0].text.text == "Résiliation de mon contrat");
  CHECK(got->classification.label == "termination");
  REQUIRE(got->events.size() == 1);
  CHECK(got->events[0].message == "new");
  // The old text left the index; the new one is in it, once.
  CHECK(store->Search({.text = "facture"}).value().empty());
  CHECK(store->Search({.text = "contrat"}).value().size() == 1);
}

TEST_CASE("SqliteStore appends events and reads them back in order", "[store]") {
  TempHome home;
  auto store = Open(home);
  Document doc = TextDocument("doc-1", "x");
  doc.events = {{"2026-01-01T00:00:00Z", "import", "first"}};
  REQUIRE(store->Put(doc).ok());
  // Same timestamps on purpose: order is the order of appending.
  REQUIRE(store->AddEvent("doc-1", {"2026-01-01T00:00:01Z", "ocr", "second"}).ok());
  REQUIRE(store->AddEvent("doc-1", {"2026-01-01T00:00:01Z", "classify", "third"}).ok());
  REQUIRE(store->AddEvent("doc-1", {"2026-01-01T00:00:01Z", "ocr", "fourth"}).ok());
  std::optional<Document> got = MustGet(*store, "doc-1");
  std::vector<std::string> messages;
  for (const Event& e : got->events) messages.push_back(e.message);
  CHECK(messages == std::vector<std::string>{"first", "second", "third", "fourth"});
  CHECK(got->events[2].stage == "classify");
}

TEST_CASE("SqliteStore Put with a missing PDF fails and keeps the previous record", "[store]") {
  TempHome home;
  auto store = Open(home);
  Document old_doc = TextDocument("doc-1", "ancien texte");
  old_doc.events = {{"t1", "import", "old"}};
  REQUIRE(store->Put(old_doc).ok());

  Document new_doc = TextDocument("doc-1", "nouveau texte");
  new_doc.pdf_path = home / "work/missing.pdf";
  Status s = store->Put(new_doc);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == Status::Code::kNotFound);
  CHECK(s.message().find("missing.pdf") != std::string::npos);

  std::optional<Document> got = MustGet(*store, "doc-1");
  CHECK(got->pages.at(0).text.text == "ancien texte");
  CHECK(got->pdf_path.empty());
  REQUIRE(got->events.size() == 1);
  CHECK(store->Search({.text = "ancien"}).value().size() == 1);
  CHECK(store->Search({.text = "nouveau"}).value().empty());
  // And the store still takes writes afterwards (the transaction was closed).
  REQUIRE(store->AddEvent("doc-1", {"t2", "store", "retry later"}).ok());
}

TEST_CASE("SqliteStore refuses ids that are not one path component", "[store]") {
  TempHome home;
  auto store = Open(home);
  for (const char* id : {"", "..", "a/b"}) {
    CHECK(store->Put(TextDocument(id, "x")).code() == Status::Code::kInvalidArgument);
  }
}

TEST_CASE("SqliteStore FindByOriginal ignores failed and duplicate documents", "[store]") {
  TempHome home;
  auto store = Open(home);
  std::string sha(64, 'c');
  Document failed = TextDocument("failed-1", "x");
  failed.source.sha256 = sha;
  failed.status = DocStatus::kFailed;
  REQUIRE(store->Put(failed).ok());
  Document dup = TextDocument("dup-1", "x");
  dup.source.sha256 = sha;
  dup.status = DocStatus::kDuplicate;
  REQUIRE(store->Put(dup).ok());
  CHECK_FALSE(store->FindByOriginal(sha).value().has_value());

  Document done = TextDocument("done-1", "x");
  done.source.sha256 = sha;
  done.status = DocStatus::kReview;
  REQUIRE(store->Put(done).ok());
  CHECK(store->FindByOriginal(sha).value() == std::optional<std::string>("done-1"));
  CHECK_FALSE(store->FindByOriginal(std::string(64, 'd')).value().has_value());
}

TEST_CASE("SqliteStore works with two stores open on one HOME", "[store]") {
  TempHome home;
  auto a = Open(home);
  auto b = Open(home);
  REQUIRE(a->Put(TextDocument("from-a", "lettre recommandée")).ok());
  REQUIRE(b->Put(TextDocument("from-b", "lettre simple")).ok());
  MustGet(*b, "from-a");
  MustGet(*a, "from-b");
  CHECK(a->Search({.text = "lettre"}).value().size() == 2);
  REQUIRE(b->AddEvent("from-a", {"t", "route", "by b"}).ok());
  CHECK(MustGet(*a, "from-a").events.size() == 1);
}

TEST_CASE("SqliteStore reopens an existing HOME with its records", "[store]") {
  TempHome home;
  {
    auto store = Open(home);
    REQUIRE(store->Put(TextDocument("doc-1", "texte")).ok());
  }
  auto store = Open(home);
  MustGet(*store, "doc-1");
}

}  // namespace
}  // namespace facteur

namespace facteur {
namespace {

using testing::ReadFile;
using testing::TempHome;
using testing::TextDocument;
using testing::WriteFile;

TEST_CASE("SqliteStore moves a PDF in from another file system", "[store]") {
  // /dev/shm is a tmpfs on Linux, so rename() gives EXDEV and the store
  // must copy, fsync and unlink instead.
  struct stat shm, tmp;
  if (stat("/dev/shm", &shm) != 0 || stat("/tmp", &tmp) != 0 || shm.st_dev == tmp.st_dev) {
    WARN("no second file system at /dev/shm; cross-device move not exercised");
    return;
  }
  char work[] = "/dev/shm/facteur-work-XXXXXX";
  REQUIRE(mkdtemp(work) != nullptr);
  std::string pdf = std::string(work) + "/doc.pdf";
  WriteFile(pdf, "%PDF-1.7 across devices");

  TempHome home;
  auto store = OpenSqliteStore(home.path()).value();
  Document doc = TextDocument("doc-x", "texte");
  doc.pdf_path = pdf;
  Status s = store->Put(doc);
  struct stat st;
  bool source_gone = stat(pdf.c_str(), &st) != 0;
  std::filesystem::remove_all(work);
  REQUIRE(s.ok());
  CHECK(source_gone);
  CHECK(ReadFile(home / "documents/doc-x.pdf") == "%PDF-1.7 across devices");
  CHECK(store->PdfPath("doc-x").value() == home / "documents/doc-x.pdf");
}

}  // namespace
}  // namespace facteur
