// A light French and English stemmer for search: strips one common
// inflectional or derivational ending so that a word and its relatives share
// a prefix. "résilier" -> "resili", "résiliation" -> "resili",
// "factures" -> "factur", "payments" -> "payment".
//
// Not Snowball: one ending from a short list (longest first), and the stem
// keeps at least kMinStemLetters letters, else the word is kept whole. The
// search then reads the stem as an FTS5 prefix (stem*), which also matches
// the word itself, so stemming only widens a query.
#ifndef FACTEUR_STORE_LIGHT_STEM_H_
#define FACTEUR_STORE_LIGHT_STEM_H_

#include <string>
#include <string_view>

namespace facteur::store {

inline constexpr int kMinStemLetters = 4;

// The accent- and case-folded stem of one word ("" when the word cannot be
// stemmed safely: shorter than kMinStemLetters, digits, ligatures the FTS
// tokenizer keeps, non-Latin).
std::string LightStem(std::string_view word);

}  // namespace facteur::store

#endif  // FACTEUR_STORE_LIGHT_STEM_H_
