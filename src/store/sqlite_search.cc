// SqliteStore::Search and Count: FTS5 with BM25 ranking, plus the filters
// of search_sql.h. With no query text the filtered records are listed,
// newest received first, with the start of their text as the snippet.
#include <algorithm>
#include <utility>

#include "store/fts_query.h"
#include "store/search_sql.h"
#include "store/sqlite_store.h"

namespace facteur::store {
namespace {

// Snippets are shown one per line: page breaks and line ends become spaces.
std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\f' || c == '\t') c = ' ';
  }
  return s;
}

// Puts `text` as the snippet of the hit whose doc_key is `key`.
void SetSnippet(const std::vector<int64_t>& keys, int64_t key, const std::string& text, std::vector<SearchHit>& hits) {
  auto at = std::find(keys.begin(), keys.end(), key);
  if (at != keys.end()) hits[static_cast<size_t>(at - keys.begin())].snippet = OneLine(text);
}

// SELECT ... FROM ... WHERE for the query; the caller adds the tail.
std::string SelectSql(const SearchSql& sql, const char* columns) {
  if (sql.match.empty()) {
    return std::string("SELECT ") + columns +
           " FROM documents d LEFT JOIN documents_fts ON documents_fts.rowid = d.doc_key WHERE 1" + sql.where;
  }
  return std::string("SELECT ") + columns +
         " FROM documents_fts JOIN documents d ON d.doc_key = documents_fts.rowid "
         "WHERE documents_fts MATCH ?" + sql.where;
}

void BindAll(Statement& stmt, const SearchSql& sql) {
  if (!sql.match.empty()) stmt.Bind(sql.match);
  for (const std::string& p : sql.params) stmt.Bind(p);
}

// SQLITE_ERROR while stepping a MATCH is FTS5 refusing the query;
// sqlite3_errmsg still holds its words.
Status StepError(sqlite3* db, const SearchQuery& query, const Status& error) {
  if ((sqlite3_errcode(db) & 0xff) == SQLITE_ERROR) return QueryError(query.text, sqlite3_errmsg(db));
  return error.WithContext("search '" + query.text + "'");
}

// Steps `stmt` to its end, calling `on_row` at each row; errors as StepError.
template <typename OnRow>
Status EachRow(sqlite3* db, Statement& stmt, const SearchQuery& query, OnRow on_row) {
  for (;;) {
    Result<bool> row = stmt.Step();
    if (!row) return StepError(db, query, row.error());
    if (!*row) return Status::OK();
    on_row();
  }
}

// "1,5,9": the doc_keys of a page, for an IN list (integers only).
std::string KeyList(const std::vector<int64_t>& keys) {
  std::string list;
  for (int64_t k : keys) list += (list.empty() ? "" : ",") + std::to_string(k);
  return list;
}

}  // namespace

Result<std::vector<SearchHit>> SqliteStore::Search(const SearchQuery& query) {
  if (query.limit < 0 || query.offset < 0) {
    return Err(Status::InvalidArgument("search: limit and offset must not be negative"));
  }
  Result<SearchSql> sql = BuildSearchSql(query);
  if (!sql) return Err(sql.error());
  if (sql->match.empty()) return List(query, *sql);
  if (static_cast<int64_t>(query.offset) + query.limit <= kRankCandidates) return RankNewest(query, *sql);
  return sql->where.empty() ? RankUnfiltered(query, *sql) : RankFiltered(query, *sql);
}

// BM25 over the kRankCandidates newest matches (highest doc_key), the
// filters applied first. FTS5 walks the match in descending rowid order
// and stops at the LIMIT, so bm25() runs for at most kRankCandidates rows
// instead of every match: a word found in 60,000 letters costs what one
// found in 5,000 does. The scores are the true BM25 scores (its statistics
// are over the whole table); only the set ranked is bounded. A query with
// fewer matches is ranked exactly as RankUnfiltered/RankFiltered would.
Result<std::vector<SearchHit>> SqliteStore::RankNewest(const SearchQuery& query, const SearchSql& sql) {
  Statement stmt(db_.get(), sql.where.empty()
                                ? std::string("SELECT rowid, -bm25(documents_fts) FROM documents_fts "
                                              "WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT ?")
                                : SelectSql(sql, "documents_fts.rowid, -bm25(documents_fts)") +
                                      " ORDER BY documents_fts.rowid DESC LIMIT ?");
  BindAll(stmt, sql);
  stmt.Bind(kRankCandidates);
  std::vector<std::pair<double, int64_t>> ranked;  // score, doc_key
  Status stepped = EachRow(db_.get(), stmt, query, [&] { ranked.emplace_back(stmt.Real(1), stmt.Int(0)); });
  if (!stepped.ok()) return Err(stepped);
  // Best score first; equal scores newest first, as they came.
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<SearchHit> hits;
  std::vector<int64_t> keys;
  for (size_t i = static_cast<size_t>(query.offset); i < ranked.size() && keys.size() < static_cast<size_t>(query.limit); ++i) {
    keys.push_back(ranked[i].second);
    hits.push_back({.score = ranked[i].first});
  }
  Status s = Snippets(query, sql, keys, hits);
  if (!s.ok()) return Err(s);
  return FillHits(query, keys, hits);
}

// The snippets of the page's hits in one statement: FTS5 walks the match
// over the page's rowid range once and snippet() runs for the page's rows
// only (the unary + keeps the IN list from becoming one FTS5 lookup per
// row, each of which would expand a prefix query again: 2.6 ms per
// snippet for resili* on 100,000 letters).
Status SqliteStore::Snippets(const SearchQuery& query, const SearchSql& sql, const std::vector<int64_t>& keys,
                             std::vector<SearchHit>& hits) {
  if (keys.empty()) return Status::OK();
  Statement snip(db_.get(),
                 "SELECT rowid, snippet(documents_fts, -1, '[', ']', '…', 12) FROM documents_fts "
                 "WHERE documents_fts MATCH ? AND rowid >= ? AND rowid <= ? AND +rowid IN (" + KeyList(keys) + ")");
  snip.Bind(sql.match).Bind(*std::min_element(keys.begin(), keys.end())).Bind(*std::max_element(keys.begin(), keys.end()));
  return EachRow(db_.get(), snip, query, [&] { SetSnippet(keys, snip.Int(0), snip.Text(1), hits); });
}

// Listing by filter: newest first, the start of the text as the snippet.
// The text is read for the page's rows only, after the sort.
Result<std::vector<SearchHit>> SqliteStore::List(const SearchQuery& query, const SearchSql& sql) {
  Statement stmt(db_.get(), "SELECT d.doc_key, d.id, d.class, d.source_path, d.received, d.status "
                            "FROM documents d WHERE 1" + sql.where + " ORDER BY d.received DESC, d.id LIMIT ? OFFSET ?");
  for (const std::string& p : sql.params) stmt.Bind(p);
  stmt.Bind(query.limit).Bind(query.offset);
  std::vector<SearchHit> hits;
  std::vector<int64_t> keys;
  Status stepped = EachRow(db_.get(), stmt, query, [&] {
    keys.push_back(stmt.Int(0));
    hits.push_back({.id = stmt.Text(1), .score = 0, .label = stmt.Text(2), .source = stmt.Text(3), .snippet = "",
                    .received = stmt.Text(4), .status = stmt.Text(5)});
  });
  if (!stepped.ok()) return Err(stepped);
  if (keys.empty()) return hits;
  // The page's texts in one statement, not one per hit.
  Statement text(db_.get(),
                 "SELECT rowid, substr(text, 1, 120) FROM documents_fts WHERE rowid IN (" + KeyList(keys) + ")");
  stepped = EachRow(db_.get(), text, query, [&] { SetSnippet(keys, text.Int(0), text.Text(1), hits); });
  if (!stepped.ok()) return Err(stepped);
  return hits;
}

// rank is bm25() by default; lower is better, so the score is its negation.
// On the FTS table alone FTS5 sorts by rank itself and snippet() runs for
// the returned rows only; joined or filtered, SQLite's sorter would make a
// snippet for every match (a second for a word in 50,000 letters).
Result<std::vector<SearchHit>> SqliteStore::RankUnfiltered(const SearchQuery& query, const SearchSql& sql) {
  Statement stmt(db_.get(),
                 "SELECT rowid, -rank, snippet(documents_fts, -1, '[', ']', '…', 12) FROM documents_fts "
                 "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?");
  stmt.Bind(sql.match).Bind(query.limit).Bind(query.offset);
  std::vector<SearchHit> hits;
  std::vector<int64_t> keys;
  Status stepped = EachRow(db_.get(), stmt, query, [&] {
    keys.push_back(stmt.Int(0));
    hits.push_back({.score = stmt.Real(1), .snippet = OneLine(stmt.Text(2))});
  });
  if (!stepped.ok()) return Err(stepped);
  return FillHits(query, keys, hits);
}

// Filtered: rank and page on rowids through the join, then one snippet per
// hit of the page (FTS5 seeks the rowid within the match).
Result<std::vector<SearchHit>> SqliteStore::RankFiltered(const SearchQuery& query, const SearchSql& sql) {
  Statement stmt(db_.get(), SelectSql(sql, "documents_fts.rowid, -documents_fts.rank") +
                                " ORDER BY documents_fts.rank, d.id LIMIT ? OFFSET ?");
  BindAll(stmt, sql);
  stmt.Bind(query.limit).Bind(query.offset);
  std::vector<SearchHit> hits;
  std::vector<int64_t> keys;
  Status stepped = EachRow(db_.get(), stmt, query, [&] {
    keys.push_back(stmt.Int(0));
    hits.push_back({.score = stmt.Real(1)});
  });
  if (!stepped.ok()) return Err(stepped);
  Status s = Snippets(query, sql, keys, hits);
  if (!s.ok()) return Err(s);
  return FillHits(query, keys, hits);
}

// The record columns of each hit, by doc_key, in one statement.
Result<std::vector<SearchHit>> SqliteStore::FillHits(const SearchQuery& query, const std::vector<int64_t>& keys,
                                                     std::vector<SearchHit>& hits) {
  if (keys.empty()) return std::move(hits);
  Statement stmt(db_.get(), "SELECT doc_key, id, class, source_path, received, status FROM documents "
                            "WHERE doc_key IN (" + KeyList(keys) + ")");
  Status stepped = EachRow(db_.get(), stmt, query, [&] {
    auto at = std::find(keys.begin(), keys.end(), stmt.Int(0));
    if (at == keys.end()) return;
    SearchHit& hit = hits[static_cast<size_t>(at - keys.begin())];
    hit.id = stmt.Text(1);
    hit.label = stmt.Text(2);
    hit.source = stmt.Text(3);
    hit.received = stmt.Text(4);
    hit.status = stmt.Text(5);
  });
  if (!stepped.ok()) return Err(stepped);
  std::erase_if(hits, [](const SearchHit& h) { return h.id.empty(); });
  return std::move(hits);
}

Result<int64_t> SqliteStore::Count(const SearchQuery& query) {
  Result<SearchSql> sql = BuildSearchSql(query);
  if (!sql) return Err(sql.error());
  // Counting needs no order: the words alone count on the FTS table, the
  // filters alone on documents, and a queue may drive the count.
  std::string where = sql->where;
  for (size_t at; (at = where.find("+d.doc_key IN")) != std::string::npos;) where.erase(at, 1);
  std::string text = sql->match.empty() ? "SELECT count(*) FROM documents d WHERE 1" + where
                     : where.empty()    ? std::string("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?")
                                        : "SELECT count(*) FROM documents_fts JOIN documents d ON d.doc_key = "
                                          "documents_fts.rowid WHERE documents_fts MATCH ?" + where;
  Statement stmt(db_.get(), text);
  BindAll(stmt, *sql);
  Result<bool> row = stmt.Step();
  if (!row) return Err(StepError(db_.get(), query, row.error()));
  return *row ? stmt.Int(0) : 0;
}

}  // namespace facteur::store
