#include "store/search_sql.h"

#include <cctype>

#include "store/fts_query.h"

namespace facteur::store {
namespace {

bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

Status OneOf(const char* flag, const std::string& value, std::initializer_list<const char*> allowed) {
  std::string list;
  for (const char* a : allowed) {
    if (value == a) return Status::OK();
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  return Status::InvalidArgument(std::string("search: ") + flag + " '" + value + "' is not one of " + list);
}

// A field whose name is `name` (or starts with it, when `prefix`) holds
// `value`, ignoring case.
// Uses document_keys (value first in its index), not the JSON columns.
void FieldCondition(SearchSql& sql, const std::string& name, const std::string& value, bool prefix) {
  sql.where += " AND d.doc_key IN (SELECT k.doc_key FROM document_keys k WHERE k.value = ?";
  sql.params.push_back(value);
  sql.where += prefix ? " AND substr(k.name, 1, length(?)) = ?)" : " AND k.name = ?)";
  if (prefix) sql.params.push_back(name);
  sql.params.push_back(name);
}

}  // namespace

Result<SearchSql> BuildSearchSql(const SearchQuery& query) {
  SearchSql sql;
  if (query.text.find_first_not_of(" \t\r\n") != std::string::npos) {
    Result<std::string> match = TranslateQuery(query.text, query.stem);
    if (!match) return Err(match.error());
    sql.match = *match;
  }
  auto equals = [&sql](const char* column, const std::string& value) {
    if (value.empty()) return;
    sql.where += std::string(" AND d.") + column + " = ?";
    sql.params.push_back(value);
  };
  equals("class", query.label);
  if (!query.status.empty()) {
    Status s = OneOf("--status", query.status, {"done", "review", "duplicate", "failed"});
    if (!s.ok()) return Err(s);
    equals("status", query.status);
  }
  if (!query.channel.empty()) {
    Status s = OneOf("--source", query.channel, {"batch", "fax", "folder"});
    if (!s.ok()) return Err(s);
    equals("channel", query.channel);
  }
  for (const auto& [flag, date] : {std::pair{"--from", query.from}, std::pair{"--to", query.to}}) {
    if (!date.empty() && !IsDate(date)) {
      return Err(Status::InvalidArgument(std::string("search: ") + flag + " '" + date +
                                         "' is not a date YYYY-MM-DD"));
    }
  }
  // received is ISO 8601 UTC ("2026-11-22T17:41:00Z"): it is >= its day and
  // < its day + "~" ('~' sorts after every character of a time), so the
  // range reads the documents_received index.
  if (!query.from.empty()) {
    sql.where += " AND d.received >= ?";
    sql.params.push_back(query.from);
  }
  if (!query.to.empty()) {
    sql.where += " AND d.received < ?";
    sql.params.push_back(query.to + "~");
  }
  // A queue holds a large share of all records: the unary + keeps SQLite
  // from driving the search by it (thousands of lookups, then a sort) when
  // walking the newest records finds a page sooner. Customer and contract
  // values are selective and do drive it.
  if (!query.queue.empty()) {
    sql.where += " AND +d.doc_key IN (SELECT k.doc_key FROM document_keys k WHERE k.value = ? AND k.name = ':queue')";
    sql.params.push_back(query.queue);
  }
  if (!query.customer.empty()) FieldCondition(sql, "customer", query.customer, true);
  if (!query.contract.empty()) FieldCondition(sql, "contract", query.contract, true);
  for (const auto& [name, value] : query.fields) {
    if (name.empty()) return Err(Status::InvalidArgument("search: --field needs NAME=VALUE"));
    FieldCondition(sql, name, value, false);
  }
  // Neither words nor filters: TranslateQuery's "search: empty query ''".
  if (sql.match.empty() && sql.where.empty()) return Err(TranslateQuery(query.text).error());
  return sql;
}

}  // namespace facteur::store
