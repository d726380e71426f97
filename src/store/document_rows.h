// Rows of one document: documents, pages, events and the FTS row.
//
// These functions only run SQL; transactions, file moves and timestamps are
// the caller's (SqliteStore). REQUIRES for the writers: an open write
// transaction on db.
#ifndef FACTEUR_STORE_DOCUMENT_ROWS_H_
#define FACTEUR_STORE_DOCUMENT_ROWS_H_

#include <optional>
#include <string>

#include <sqlite3.h>

#include "facteur/document.h"
#include "facteur/status.h"

namespace facteur::store {

// The `created` time of the stored record, or nullopt if there is none.
Result<std::optional<std::string>> CreatedTime(sqlite3* db, const std::string& id);

// Removes the record (document, pages, events, FTS row); no-op if absent.
Status DeleteDocument(sqlite3* db, const std::string& id);

// Inserts the record as given, with `pdf_path` in place of doc.pdf_path.
Status InsertDocument(sqlite3* db, const Document& doc, const std::string& pdf_path,
                      const std::string& created, const std::string& updated);

// Appends one event. REQUIRES: the document exists.
Status InsertEvent(sqlite3* db, const std::string& id, const Event& event);

// The stored record; pages without images. kNotFound if absent, kCorrupt
// if a JSON column does not decode.
Result<Document> ReadDocument(sqlite3* db, const std::string& id);

}  // namespace facteur::store

#endif  // FACTEUR_STORE_DOCUMENT_ROWS_H_
