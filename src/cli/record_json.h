// JSON forms of records for --json output (Poco::JSON stays in this file).
#ifndef FACTEUR_CLI_RECORD_JSON_H_
#define FACTEUR_CLI_RECORD_JSON_H_

#include <string>

#include "facteur/document.h"
#include "facteur/store.h"

namespace facteur {

// The `facteur run --json` contract, one line: id, source, sha256, pages,
// class, confidence, fields (object), queues (array), status, error.
std::string DocumentLine(const Document& doc);
// The whole record for `facteur show --json`: the line's keys plus source
// context, reason, candidates, pages (size, dpi, confidence, notes) and events.
std::string DocumentFull(const Document& doc);
// One search hit: id, score, class, source, snippet, received, status.
std::string HitLine(const SearchHit& hit);
// One journal entry: seq, time, document, stage, message, prev_hash, hash.
std::string JournalLine(const JournalEntry& entry);

}  // namespace facteur

#endif  // FACTEUR_CLI_RECORD_JSON_H_
