// SqliteStore::Search and Count: FTS5 with BM25 ranking, plus the filters
// of search_sql.h. With no query text the filtered records are listed,
// newest received first, with the start of their text as the snippet.
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

}  // namespace

Result<std::vector<SearchHit>> SqliteStore::Search(const SearchQuery& query) {
  if (query.limit < 0 || query.offset < 0) {
    return Err(Status::InvalidArgument("search: limit and offset must not be negative"));
  }
  Result<SearchSql> sql = BuildSearchSql(query);
  if (!sql) return Err(sql.error());
  if (sql->match.empty()) return List(query, *sql);
  return sql->where.empty() ? RankUnfiltered(query, *sql) : RankFiltered(query, *sql);
}

// Listing by filter: newest first, the start of the text as the snippet.
Result<std::vector<SearchHit>> SqliteStore::List(const SearchQuery& query, const SearchSql& sql) {
  Statement stmt(db_.get(), SelectSql(sql, "d.id, 0, d.class, d.source_path, substr(documents_fts.text, 1, 120), "
                                           "d.received, d.status") +
                                " ORDER BY d.received DESC, d.id LIMIT ? OFFSET ?");
  BindAll(stmt, sql);
  stmt.Bind(query.limit).Bind(query.offset);
  std::vector<SearchHit> hits;
  for (;;) {
    Result<bool> row = stmt.Step();
    if (!row) return Err(StepError(db_.get(), query, row.error()));
    if (!*row) return hits;
    hits.push_back({.id = stmt.Text(0), .score = stmt.Real(1), .label = stmt.Text(2), .source = stmt.Text(3),
                    .snippet = OneLine(stmt.Text(4)), .received = stmt.Text(5), .status = stmt.Text(6)});
  }
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
  for (;;) {
    Result<bool> row = stmt.Step();
    if (!row) return Err(StepError(db_.get(), query, row.error()));
    if (!*row) break;
    keys.push_back(stmt.Int(0));
    hits.push_back({.score = stmt.Real(1), .snippet = OneLine(stmt.Text(2))});
  }
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
  for (;;) {
    Result<bool> row = stmt.Step();
    if (!row) return Err(StepError(db_.get(), query, row.error()));
    if (!*row) break;
    keys.push_back(stmt.Int(0));
    hits.push_back({.score = stmt.Real(1)});
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    Statement snip(db_.get(),
                   "SELECT snippet(documents_fts, -1, '[', ']', '…', 12) FROM documents_fts "
                   "WHERE documents_fts MATCH ? AND rowid = ?");
    snip.Bind(sql.match).Bind(keys[i]);
    Result<bool> row = snip.Step();
    if (!row) return Err(StepError(db_.get(), query, row.error()));
    if (*row) hits[i].snippet = OneLine(snip.Text(0));
  }
  return FillHits(query, keys, hits);
}

// The record columns of each hit, by doc_key.
Result<std::vector<SearchHit>> SqliteStore::FillHits(const SearchQuery& query, const std::vector<int64_t>& keys,
                                                     std::vector<SearchHit>& hits) {
  for (size_t i = 0; i < keys.size(); ++i) {
    Statement stmt(db_.get(), "SELECT id, class, source_path, received, status FROM documents WHERE doc_key = ?");
    stmt.Bind(keys[i]);
    Result<bool> row = stmt.Step();
    if (!row) return Err(row.error().WithContext("search '" + query.text + "'"));
    if (!*row) continue;
    hits[i].id = stmt.Text(0);
    hits[i].label = stmt.Text(1);
    hits[i].source = stmt.Text(2);
    hits[i].received = stmt.Text(3);
    hits[i].status = stmt.Text(4);
  }
  std::erase_if(hits, [](const SearchHit& h) { return h.id.empty(); });
  return std::move(hits);
}

Result<int64_t> SqliteStore::Count(const SearchQuery& query) {
  Result<SearchSql> sql = BuildSearchSql(query);
  if (!sql) return Err(sql.error());
  Statement stmt(db_.get(), SelectSql(*sql, "count(*)"));
  BindAll(stmt, *sql);
  Result<bool> row = stmt.Step();
  if (!row) return Err(StepError(db_.get(), query, row.error()));
  return *row ? stmt.Int(0) : 0;
}

}  // namespace facteur::store
