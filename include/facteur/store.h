// Store: where records live. The real one is SQLite (WAL, FTS5) under the home
// folder plus a content-addressed file store:
//   HOME/facteur.db                   documents, pages, text (FTS5), events
//   HOME/objects/ab/abcdef...         originals, byte for byte, named by SHA-256
//   HOME/documents/<id>.pdf           searchable PDFs
// Originals are never modified: KeepOriginal copies (fsync, then rename into
// place) before any processing, so nothing is lost if processing dies.
//
// Thread safety: a Store is used from one thread at a time (the runner's).
#ifndef FACTEUR_STORE_H_
#define FACTEUR_STORE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "facteur/document.h"
#include "facteur/status.h"

namespace facteur {

struct SearchQuery {
  // Words, "phrases" and prefix* as FTS5 reads them; accent- and
  // case-insensitive. Operators AND/OR/NOT/NEAR pass through.
  std::string text;
  int limit = 20;
  int offset = 0;
};

struct SearchHit {
  std::string id;
  double score = 0;      // higher is better (negated BM25)
  std::string label;     // class
  std::string source;    // original path
  std::string snippet;   // with the hits marked [like this]
};

class Store {
 public:
  virtual ~Store() = default;

  // The id of a stored document (done or review) made from an original with
  // this SHA-256, or nullopt.
  virtual Result<std::optional<std::string>> FindByOriginal(const std::string& sha256) = 0;

  // Copies the file at `path` into the object store under `sha256` unless it
  // is already there; returns the stored file's path. The copy is verified
  // (re-hashed) and fsync'ed before it is renamed into place.
  // Errors: kIOError (disk full...), kCorrupt if the bytes do not hash to sha256.
  virtual Result<std::string> KeepOriginal(const std::string& path, const std::string& sha256) = 0;

  // Writes the record (document, pages, text, FTS row, events) in one
  // transaction, replacing an earlier record with the same id, and moves
  // doc.pdf_path (if any) into the store. Errors: kBusy (retry), kIOError,
  // kExternal, kInvalidArgument for an id that cannot be a file name (empty,
  // ".", "..", containing '/'), kNotFound when doc.pdf_path does not exist.
  virtual Status Put(const Document& doc) = 0;

  // Appends an event to a stored document.
  virtual Status AddEvent(const std::string& id, const Event& event) = 0;

  // The stored record; pages carry text, sizes and notes, not images.
  // Errors: kNotFound if the id was never stored.
  virtual Result<Document> Get(const std::string& id) = 0;

  // Path of the stored searchable PDF / original, for display and export.
  virtual Result<std::string> PdfPath(const std::string& id) = 0;
  virtual Result<std::string> OriginalPath(const std::string& id) = 0;

  // Ranked hits. Errors: kInvalidArgument with a readable message when the
  // query is not valid FTS5 syntax.
  virtual Result<std::vector<SearchHit>> Search(const SearchQuery& query) = 0;
};

// Opens (creating if needed) the store under `home`.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& home);

}  // namespace facteur

#endif  // FACTEUR_STORE_H_
