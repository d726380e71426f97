#include "store/journal.h"

#include <set>
#include <tuple>

#include "core/hash.h"
#include "store/sqlite_util.h"

namespace facteur::store {
namespace {

const std::string kZeroHash(64, '0');

void Field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
}

const char kColumns[] = "seq, time, document_id, stage, message, prev_hash, hash";

JournalEntry ReadEntry(const Statement& stmt) {
  return {.seq = stmt.Int(0), .time = stmt.Text(1), .document_id = stmt.Text(2), .stage = stmt.Text(3),
          .message = stmt.Text(4), .prev_hash = stmt.Text(5), .hash = stmt.Text(6)};
}

std::string Describe(const JournalEntry& e) {
  return "journal entry #" + std::to_string(e.seq) + " (" + e.document_id + ", " + e.stage + ")";
}

}  // namespace

std::string EntryHash(const JournalEntry& e) {
  std::string bytes;
  Field(bytes, std::to_string(e.seq));
  Field(bytes, e.time);
  Field(bytes, e.document_id);
  Field(bytes, e.stage);
  Field(bytes, e.message);
  Field(bytes, e.prev_hash);
  return Sha256Hex(bytes);
}

Result<std::optional<JournalEntry>> JournalHeadEntry(sqlite3* db) {
  Statement stmt(db, std::string("SELECT ") + kColumns + " FROM journal ORDER BY seq DESC LIMIT 1");
  Result<bool> row = stmt.Step();
  if (!row) return Err(row.error().WithContext("journal head"));
  if (!*row) return std::optional<JournalEntry>();
  return std::optional<JournalEntry>(ReadEntry(stmt));
}

Status AppendJournal(sqlite3* db, const std::string& id, const Event& event) {
  Result<std::optional<JournalEntry>> head = JournalHeadEntry(db);
  if (!head) return head.error();
  // seq comes from sqlite_sequence, so a deleted tail is never reused.
  Statement next(db, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'journal'), 0) + 1");
  Result<bool> row = next.Step();
  if (!row) return row.error().WithContext("journal seq");
  JournalEntry e{.seq = next.Int(0), .time = event.time, .document_id = id, .stage = event.stage,
                 .message = event.message, .prev_hash = head->has_value() ? (*head)->hash : kZeroHash, .hash = ""};
  e.hash = EntryHash(e);
  Statement stmt(db, "INSERT INTO journal (seq, time, document_id, stage, message, prev_hash, hash) "
                     "VALUES (?,?,?,?,?,?,?)");
  stmt.Bind(e.seq).Bind(e.time).Bind(e.document_id).Bind(e.stage).Bind(e.message).Bind(e.prev_hash).Bind(e.hash);
  return stmt.Run().WithContext("journal");
}

Status JournalNewEvents(sqlite3* db, const std::string& id, const std::vector<Event>& events) {
  Result<std::vector<JournalEntry>> old = ReadJournal(db, id);
  if (!old) return old.error();
  std::multiset<std::tuple<std::string, std::string, std::string>> seen;
  for (const JournalEntry& e : *old) seen.emplace(e.time, e.stage, e.message);
  for (const Event& ev : events) {
    auto it = seen.find({ev.time, ev.stage, ev.message});
    if (it != seen.end()) {
      seen.erase(it);
      continue;
    }
    FACTEUR_RETURN_IF_ERROR(AppendJournal(db, id, ev));
  }
  return Status::OK();
}

Result<std::vector<JournalEntry>> ReadJournal(sqlite3* db, const std::string& id) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM journal" +
                    (id.empty() ? "" : " WHERE document_id = ?") + " ORDER BY seq";
  Statement stmt(db, sql);
  if (!id.empty()) stmt.Bind(id);
  std::vector<JournalEntry> out;
  for (;;) {
    Result<bool> row = stmt.Step();
    if (!row) return Err(row.error().WithContext("journal"));
    if (!*row) return out;
    out.push_back(ReadEntry(stmt));
  }
}

std::string SealMessage(const Seal& seal) { return "original " + seal.original + "; pdf " + seal.pdf; }

Result<std::optional<Seal>> LatestSeal(sqlite3* db, const std::string& id) {
  Statement stmt(db, "SELECT message FROM journal WHERE document_id = ? AND stage = ? ORDER BY seq DESC LIMIT 1");
  stmt.Bind(id).Bind(kSealStage);
  Result<bool> row = stmt.Step();
  if (!row) return Err(row.error().WithContext("journal seal of " + id));
  if (!*row) return std::optional<Seal>();
  std::string msg = stmt.Text(0);
  size_t sep = msg.find("; pdf ");
  if (msg.rfind("original ", 0) != 0 || sep == std::string::npos) {
    return Err(Status::Corrupt("journal seal of " + id + " does not read: " + msg));
  }
  return std::optional<Seal>(Seal{.original = msg.substr(9, sep - 9), .pdf = msg.substr(sep + 6)});
}

Result<std::vector<IntegrityProblem>> CheckChain(sqlite3* db) {
  Statement stmt(db, std::string("SELECT ") + kColumns + " FROM journal ORDER BY seq");
  std::vector<IntegrityProblem> problems;
  std::string prev = kZeroHash;
  int64_t last_seq = 0;
  for (;;) {
    Result<bool> row = stmt.Step();
    if (!row) return Err(row.error().WithContext("journal"));
    if (!*row) break;
    JournalEntry e = ReadEntry(stmt);
    if (e.seq != last_seq + 1) {
      problems.push_back({"", "journal entries #" + std::to_string(last_seq + 1) + " to #" +
                                  std::to_string(e.seq - 1) + " are missing (deleted)"});
    }
    if (e.prev_hash != prev) {
      problems.push_back({e.document_id, Describe(e) + ": link to the entry before is broken "
                                                       "(an entry was deleted, inserted or moved)"});
    }
    if (EntryHash(e) != e.hash) {
      problems.push_back({e.document_id, Describe(e) + ": content does not match its hash (edited or moved)"});
    }
    prev = e.hash;
    last_seq = e.seq;
  }
  Statement tail(db, "SELECT seq FROM sqlite_sequence WHERE name = 'journal'");
  Result<bool> row = tail.Step();
  if (!row) return Err(row.error().WithContext("journal"));
  if (*row && tail.Int(0) > last_seq) {
    problems.push_back({"", "journal entries #" + std::to_string(last_seq + 1) + " to #" +
                                std::to_string(tail.Int(0)) + " (the newest) are missing (deleted)"});
  }
  return problems;
}

}  // namespace facteur::store
