// SqliteStore's integrity side (issue 7): the journal and Verify.
#include <utility>

#include "core/hash.h"
#include "store/journal.h"
#include "store/sqlite_store.h"

namespace facteur::store {

Result<std::vector<JournalEntry>> SqliteStore::Journal(const std::string& id) {
  return ReadJournal(db_.get(), id);
}

Result<JournalEntry> SqliteStore::JournalHead() {
  Result<std::optional<JournalEntry>> head = JournalHeadEntry(db_.get());
  if (!head) return Err(head.error());
  if (!head->has_value()) return Err(Status::NotFound("store: the journal is empty"));
  return **head;
}

Status SqliteStore::VerifyFiles(const std::string& id, std::vector<IntegrityProblem>& problems) {
  Result<std::optional<Seal>> seal = LatestSeal(db_.get(), id);
  if (!seal) return seal.error();
  Result<std::string> sha = Column(id, "sha256");
  Result<std::string> pdf = Column(id, "pdf_path");
  if (!sha || !pdf) {
    Status s = !sha ? sha.error() : pdf.error();
    if (s.code() != Status::Code::kNotFound) return s;
    if (!seal->has_value()) return Status::NotFound("store: no document '" + id + "'");
    Result<std::vector<JournalEntry>> entries = ReadJournal(db_.get(), id);
    if (!entries) return entries.error();
    if (!entries->empty() && entries->back().stage == "purge") return Status::OK();  // tombstone
    problems.push_back({id, "record: missing from the store, though the journal sealed it"});
    return Status::OK();
  }
  if (!seal->has_value()) {
    problems.push_back({id, "journal: no seal for this record (stored before the journal, or entries deleted)"});
    return Status::OK();
  }
  auto check = [&](const char* what, const std::string& path, const std::string& sealed) {
    if (sealed == "none") return;
    Result<std::string> actual = Sha256File(path);
    if (!actual) {
      problems.push_back({id, std::string(what) + ": " + path + " cannot be read: " + actual.error().message()});
    } else if (*actual != sealed) {
      problems.push_back({id, std::string(what) + ": " + path + " has sha256 " + *actual +
                                  ", the journal sealed " + sealed + " (file altered)"});
    }
  };
  if ((*seal)->original != "none" && *sha != (*seal)->original) {
    problems.push_back({id, "record: sha256 column says " + *sha + ", the journal sealed " + (*seal)->original});
  }
  check("original", objects_.PathFor((*seal)->original), (*seal)->original);
  if ((*seal)->pdf != "none" && pdf->empty()) {
    problems.push_back({id, "pdf: the record lost its PDF path; the journal sealed " + (*seal)->pdf});
  } else {
    check("pdf", *pdf, (*seal)->pdf);
  }
  return Status::OK();
}

Result<std::vector<IntegrityProblem>> SqliteStore::Verify(const std::vector<std::string>& ids) {
  Transaction txn(db_.get(), Transaction::Mode::kRead);
  if (!txn.status().ok()) return Err(txn.status().WithContext("verify"));
  Result<std::vector<IntegrityProblem>> problems = CheckChain(db_.get());
  if (!problems) return problems;
  std::vector<std::string> todo = ids;
  if (todo.empty()) {
    Statement stmt(db_.get(), "SELECT id FROM documents ORDER BY id");
    for (;;) {
      Result<bool> row = stmt.Step();
      if (!row) return Err(row.error().WithContext("verify"));
      if (!*row) break;
      todo.push_back(stmt.Text(0));
    }
  }
  for (const std::string& id : todo) {
    Status s = VerifyFiles(id, *problems);
    if (!s.ok()) return Err(s.WithContext("verify " + id));
  }
  return problems;
}

}  // namespace facteur::store
