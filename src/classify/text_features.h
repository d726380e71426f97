// Text features for the trained classifier: accent-folded word unigrams and
// bigrams plus character 3..5-grams inside words (robust to OCR slips such as
// "resi1iation"), as strings:
//   "w:resiliation"   a word          "b:mettre fin"   two words in a row
//   "c: res" "c:ion " character n-grams, a space marking the word's ends
//   "s:resiliation"   a word of the subject line ("Objet :", "Re:", "Subject:")
// Digit runs fold to "0" ("CT-2306" -> "ct", "0") so references and amounts
// do not flood the vocabulary. Pure function; thread-safe.
#ifndef FACTEUR_CLASSIFY_TEXT_FEATURES_H_
#define FACTEUR_CLASSIFY_TEXT_FEATURES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace facteur {

// Feature -> occurrences in `text` (UTF-8, any case or accents).
std::unordered_map<std::string, int> ExtractFeatures(std::string_view text);

// The folded words of the subject line ("Objet : ...", "Re: ...", "Subject:
// ...", "Concerne : ...") among the first 40 lines, at most 12; none when
// there is no such line.
std::vector<std::string> SubjectWords(std::string_view text);

// The folded words of `text`, digit runs as "0".
std::vector<std::string> FoldedWords(std::string_view text);

}  // namespace facteur

#endif  // FACTEUR_CLASSIFY_TEXT_FEATURES_H_
