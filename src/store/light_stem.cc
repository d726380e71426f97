#include "store/light_stem.h"

#include "classify/text_fold.h"

namespace facteur::store {
namespace {

// Longest first: the first ending that fits is the one removed.
const char* const kEndings[] = {
    "issements", "issement", "ications", "ication", "atrices", "atrice", "ateurs", "ateur",
    "ations", "ation", "ements", "ement", "ments", "ment", "ances", "ance", "ences", "ence",
    "ieres", "iere", "iers", "ier", "euses", "euse", "eurs", "eur", "ions", "ion",
    "ings", "ing", "ees", "ee", "ies", "es", "er", "ez", "ed", "ly", "e", "s",
};

bool EndsWith(const std::string& s, std::string_view end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

}  // namespace

std::string LightStem(std::string_view word) {
  // FoldText turns œ into "oe", but SQLite's unicode61 tokenizer keeps œ as
  // one letter, so a folded prefix would miss the indexed word.
  for (std::string_view keep : {"œ", "Œ", "æ", "Æ", "ß"}) {
    if (word.find(keep) != std::string_view::npos) return std::string();
  }
  std::string folded = FoldText(word);
  if (folded.size() < static_cast<size_t>(kMinStemLetters)) return std::string();
  for (char c : folded) {
    if (c < 'a' || c > 'z') return std::string();
  }
  for (const char* end : kEndings) {
    std::string_view e(end);
    if (EndsWith(folded, e) && folded.size() - e.size() >= kMinStemLetters) {
      return folded.substr(0, folded.size() - e.size());
    }
  }
  return folded;
}

}  // namespace facteur::store
