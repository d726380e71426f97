// The append-only journal (issue 7): every event of every record, chained.
//
// Each entry's hash is SHA-256 over its seq, time, document id, stage,
// message and the previous entry's hash, each field length-prefixed
// ("<bytes>:<field>") so that no two entries can encode alike. The first
// entry's prev_hash is 64 zeros. Editing an entry changes its hash; deleting,
// inserting or reordering entries breaks a prev_hash link; deleting the newest
// entries leaves sqlite_sequence ahead of the last seq (and an exported
// checkpoint ahead of the chain). Triggers refuse UPDATE and DELETE, so only
// someone bypassing SQLite's rules (dropping triggers, editing the file) can
// alter it, and CheckChain sees that.
//
// When a record is stored, a "seal" entry records the SHA-256 of its original
// and of its searchable PDF: "original <hex|none>; pdf <hex|none>".
//
// REQUIRES for the writers: an open write transaction on db.
#ifndef FACTEUR_STORE_JOURNAL_H_
#define FACTEUR_STORE_JOURNAL_H_

#include <optional>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "facteur/document.h"
#include "facteur/status.h"
#include "facteur/store.h"

namespace facteur::store {

inline constexpr char kSealStage[] = "seal";

std::string EntryHash(const JournalEntry& entry);

// Appends one entry chained to the newest one.
Status AppendJournal(sqlite3* db, const std::string& id, const Event& event);
// Appends those of `events` not yet journaled for `id` (same time, stage
// and message), in order: a record put again does not journal twice.
Status JournalNewEvents(sqlite3* db, const std::string& id, const std::vector<Event>& events);

// Entries of `id` (all when ""), oldest first.
Result<std::vector<JournalEntry>> ReadJournal(sqlite3* db, const std::string& id);
Result<std::optional<JournalEntry>> JournalHeadEntry(sqlite3* db);

// The hashes of the newest seal of `id`: {original, pdf}, "none" when the
// record had no such file; nullopt when `id` was never sealed.
struct Seal {
  std::string original;
  std::string pdf;
};
Result<std::optional<Seal>> LatestSeal(sqlite3* db, const std::string& id);
std::string SealMessage(const Seal& seal);

// Walks the whole chain; one problem per broken link, altered entry, gap or
// missing tail.
Result<std::vector<IntegrityProblem>> CheckChain(sqlite3* db);

}  // namespace facteur::store

#endif  // FACTEUR_STORE_JOURNAL_H_
