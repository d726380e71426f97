// Accent and case folding for matching French and English text:
// "Résiliation" -> "resiliation", "ŒUVRE" -> "oeuvre", "Straße" -> "strasse".
// Runs of white space (including non-breaking spaces and line breaks) become
// one space, so a phrase matches across line ends.
#ifndef FACTEUR_CLASSIFY_TEXT_FOLD_H_
#define FACTEUR_CLASSIFY_TEXT_FOLD_H_

#include <string>
#include <string_view>

namespace facteur {

std::string FoldText(std::string_view utf8);

}  // namespace facteur

#endif  // FACTEUR_CLASSIFY_TEXT_FOLD_H_
