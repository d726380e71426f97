// The SQL of a filtered search (issue 7): SearchQuery's filters as a WHERE
// clause over `documents d`, every value bound as a parameter (never
// spliced into the SQL), so quotes and operators in a filter are only text.
#ifndef FACTEUR_STORE_SEARCH_SQL_H_
#define FACTEUR_STORE_SEARCH_SQL_H_

#include <string>
#include <vector>

#include "facteur/status.h"
#include "facteur/store.h"

namespace facteur::store {

struct SearchSql {
  std::string match;                // the FTS5 MATCH expression; "" = no text
  std::string where;                // "" or " AND ..." conditions on d
  std::vector<std::string> params;  // bound in order after the MATCH
};

// Errors: kInvalidArgument naming the bad filter ("search: --from '2026-13'
// is not a date YYYY-MM-DD", unknown status or channel) or query.
Result<SearchSql> BuildSearchSql(const SearchQuery& query);

}  // namespace facteur::store

#endif  // FACTEUR_STORE_SEARCH_SQL_H_
