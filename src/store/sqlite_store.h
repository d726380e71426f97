// SqliteStore: the Store seam on SQLite (WAL, FTS5) plus an ObjectStore.
//
//   HOME/facteur.db          schema in schema.cc; journal_mode=WAL,
//                            synchronous=FULL, busy_timeout=5000, foreign_keys
//   HOME/objects/ab/ab...    originals (object_store.h)
//   HOME/documents/<id>.pdf  searchable PDFs, moved in by Put
//
// synchronous=FULL rather than NORMAL: with NORMAL a power cut may undo the
// last commits, yet once Put returns the caller archives the input and the
// PDF has left the work folder, so a lost commit would orphan both. One
// extra fsync per document is nothing next to OCR's seconds per page.
//
// Several SqliteStores (in one process or several) may share a HOME: WAL
// lets readers run beside the one writer; writers wait up to 5 s for each
// other, then get kBusy.
//
// Thread safety: one thread at a time per SqliteStore (one connection).
#ifndef FACTEUR_STORE_SQLITE_STORE_H_
#define FACTEUR_STORE_SQLITE_STORE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "facteur/store.h"
#include "store/object_store.h"
#include "store/search_sql.h"
#include "store/sqlite_util.h"

namespace facteur::store {

class SqliteStore : public Store {
 public:
  // Use OpenSqliteStore(home).
  SqliteStore(std::string home, DbPtr db);

  Result<std::optional<std::string>> FindByOriginal(const std::string& sha256) override;
  Result<std::string> KeepOriginal(const std::string& path, const std::string& sha256) override;
  Status Put(const Document& doc) override;
  Status AddEvent(const std::string& id, const Event& event) override;
  Result<Document> Get(const std::string& id) override;
  Result<std::string> PdfPath(const std::string& id) override;
  Result<std::string> OriginalPath(const std::string& id) override;
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) override;   // sqlite_search.cc
  Result<int64_t> Count(const SearchQuery& query) override;                     // sqlite_search.cc
  Result<std::vector<JournalEntry>> Journal(const std::string& id) override;    // sqlite_verify.cc
  Result<JournalEntry> JournalHead() override;                                  // sqlite_verify.cc
  Result<std::vector<IntegrityProblem>> Verify(const std::vector<std::string>& ids) override;
  Status SetHold(const std::string& id, bool on, const std::string& reason) override;  // sqlite_retention.cc
  Result<std::vector<std::string>> Purge(const std::map<std::string, int>& years, const std::string& today,
                                         bool dry_run) override;
  Result<std::vector<DeliveryRecord>> ClaimDeliveries(int64_t now_ms, int64_t lease_ms, int limit) override;
  Status FinishDelivery(const std::string& document_id, const std::string& destination,
                        const DeliveryOutcome& outcome) override;
  Result<std::vector<DeliveryRecord>> ListDeliveries(const std::string& state, const std::string& document_id,
                                                     int limit) override;
  Result<int> RequeueDeliveries(const std::string& document_id, const std::string& destination,
                                bool replay) override;
  Status Enqueue(const QueueMessage& message) override;                          // sqlite_outbox.cc
  Result<std::vector<QueueMessage>> PullQueue(const std::string& queue, int limit,
                                              const std::string& ack_by) override;

 private:
  // Journals the hashes of the record's original and PDF ("seal") unless
  // the newest seal already says the same. REQUIRES: a write transaction.
  Status JournalSeal(const Document& doc);
  // Re-hashes the stored files of one record against its newest seal.
  Status VerifyFiles(const std::string& id, std::vector<IntegrityProblem>& problems);
  // Search's plans (sqlite_search.cc): list by filter; rank the newest
  // candidates; past them, rank every match on the FTS table alone or
  // through the join with the filters.
  Result<std::vector<SearchHit>> List(const SearchQuery& query, const SearchSql& sql);
  Result<std::vector<SearchHit>> RankUnfiltered(const SearchQuery& query, const SearchSql& sql);
  Result<std::vector<SearchHit>> RankFiltered(const SearchQuery& query, const SearchSql& sql);
  // BM25 over the kRankCandidates newest matches (search_sql.h), used
  // whenever the page asked for lies within them.
  Result<std::vector<SearchHit>> RankNewest(const SearchQuery& query, const SearchSql& sql);
  // The snippet of each hit of the page, by doc_key.
  Status Snippets(const SearchQuery& query, const SearchSql& sql, const std::vector<int64_t>& keys,
                  std::vector<SearchHit>& hits);
  Result<std::vector<SearchHit>> FillHits(const SearchQuery& query, const std::vector<int64_t>& keys,
                                          std::vector<SearchHit>& hits);
  // Deletes one record and its files, leaving a tombstone; `why` says which
  // retention rule expired.
  Status PurgeOne(const std::string& id, const std::string& why);
  // Moves doc.pdf_path to HOME/documents/<id>.pdf unless it is already
  // there; returns the stored path ("" when the document has no PDF).
  Result<std::string> StorePdf(const Document& doc);
  // One column of the document row; kNotFound if there is no such id.
  Result<std::string> Column(const std::string& id, const char* column);

  const std::string home_;
  const ObjectStore objects_;
  DbPtr db_;
};

}  // namespace facteur::store

#endif  // FACTEUR_STORE_SQLITE_STORE_H_
