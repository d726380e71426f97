// Dates in French and English letters, normalised to ISO 8601 ("2026-10-14").
//
// Reads "14 octobre 2026", "1er janvier 2027", "12 November 2026",
// "November 12, 2026", "14/10/2026", "14.10.2026", "2026-10-14" (numeric
// dates day first, as in France and the UK). Impossible dates (31/02) are
// refused.
#ifndef FACTEUR_EXTRACT_DATES_H_
#define FACTEUR_EXTRACT_DATES_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/found.h"

namespace facteur::extract {

struct DateMatch {
  std::string iso;   // "2026-10-14"
  size_t begin = 0;  // byte range in the folded text searched
  size_t end = 0;
};

// Every date in `folded` (FoldText output), left to right.
std::vector<DateMatch> FindDates(std::string_view folded);

// The ISO form of the first date in `utf8`, or "".
std::string ParseDate(std::string_view utf8);

// The letter's date: a "Place, (le) DATE" line or a "Date :" label first
// (high confidence), else the first date outside a fax header line (low).
// `skip_line` (or -1) names a fax header line to pass over.
MaybeFound FindLetterDate(const std::vector<std::string>& lines, int skip_line);

}  // namespace facteur::extract

#endif  // FACTEUR_EXTRACT_DATES_H_
