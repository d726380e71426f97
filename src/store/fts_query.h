// From what a person types in the search box to an FTS5 MATCH expression.
//
// The rule: FTS5 syntax passes through, and anything else is made safe.
//  - Plain words are ANDed (FTS5 does this for juxtaposed terms):
//      resiliation contrat            ->  resiliation contrat
//  - "phrases", prefix*, ^initial, AND / OR / NOT / NEAR(... , N), ( ) and
//    column filters (text:, source:, label:) are FTS5's and pass unchanged.
//  - A word holding a character FTS5 gives a meaning to or cannot read
//    (anything but letters, digits, '_' and non-ASCII: - . : ' @ / + ...)
//    is quoted into a phrase, keeping a trailing * as a prefix:
//      l'adresse 2026-10-14 jean.dupont@exemple.fr  ->
//      "l'adresse" "2026-10-14" "jean.dupont@exemple.fr"
//    The tokenizer then splits the phrase as it split the text, so
//    2026-10-14 finds "le 2026-10-14" and l'adresse finds "l’adresse".
//  - A word made only of such characters (a lone '-' or '&') is dropped.
// Broken FTS5 syntax (an unterminated "string, a stray ')' or a lone AND)
// is not repaired: SQLite rejects it and the store reports kInvalidArgument
// naming the query. Operators are upper-case only; 'and' is a word.
#ifndef FACTEUR_STORE_FTS_QUERY_H_
#define FACTEUR_STORE_FTS_QUERY_H_

#include <string>

#include "facteur/status.h"

namespace facteur::store {

// The MATCH expression for `text`. Errors: kInvalidArgument for a query
// with no searchable word ("search: empty query").
// With `stem`, each plain word (letters only, outside "phrases", without
// column, ^ or *) of at least kMinStemLetters letters becomes its light stem
// as a prefix (light_stem.h): résilier -> resili*, which finds résiliation.
Result<std::string> TranslateQuery(const std::string& text, bool stem = false);

// The readable error for a query SQLite refused, from its message
// ("fts5: syntax error near \"AND\"", "unterminated string"):
// search: cannot parse query 'AND': syntax error near "AND".
Status QueryError(const std::string& text, const std::string& sqlite_message);

}  // namespace facteur::store

#endif  // FACTEUR_STORE_FTS_QUERY_H_
