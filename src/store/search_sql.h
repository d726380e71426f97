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

// Words matching more records than this are ranked among the newest
// kRankCandidates of those records (the highest doc_key, i.e. the most
// recently stored) that pass the filters: BM25 costs ~1.5 us per match, so
// a word in 60,000 letters took ~100 ms to rank in full; bounded, any query
// ranks in a few milliseconds. Scores stay exact BM25; Count stays exact.
// Pages past the candidates (offset + limit > kRankCandidates) rank every
// match. 5,000 is a hundred pages of hits.
inline constexpr int kRankCandidates = 5000;

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
