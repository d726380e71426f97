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
  // rank is bm25() by default; lower is better, so the score is its negation.
  // The inner query ranks and pages on rowids alone; snippet() then runs for
  // the page's hits only. Put in the ranking query, the sorter would make a
  // snippet for every match (seconds when a word is in 50,000 letters).
  std::string text;
  if (sql->match.empty()) {
    text = SelectSql(*sql, "d.id, 0, d.class, d.source_path, substr(documents_fts.text, 1, 120), d.received, "
                           "d.status") +
           " ORDER BY d.received DESC, d.id LIMIT ? OFFSET ?";
  } else {
    std::string page = SelectSql(*sql, "documents_fts.rowid") + " ORDER BY documents_fts.rank, d.id LIMIT ? OFFSET ?";
    text = "SELECT d.id, -documents_fts.rank, d.class, d.source_path, "
           "snippet(documents_fts, -1, '[', ']', '…', 12), d.received, d.status "
           "FROM documents_fts JOIN documents d ON d.doc_key = documents_fts.rowid "
           "WHERE documents_fts MATCH ? AND documents_fts.rowid IN (" + page + ") "
           "ORDER BY documents_fts.rank, d.id";
  }
  Statement stmt(db_.get(), text);
  if (!sql->match.empty()) stmt.Bind(sql->match);
  BindAll(stmt, *sql);
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
