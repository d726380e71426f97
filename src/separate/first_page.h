// First-page detection: how much a page looks like the first page of a
// letter rather than the continuation of the one before, from its OCR text
// and word positions, for trays scanned without separator sheets.
//
// Evidence for a first page: a sender or recipient address block (postal
// code and town), a date line and references near the top, a subject line
// ("Objet :", "Re:", "Subject:"), a salutation ("Madame, Monsieur", "Dear"),
// a page number "1/3" or "page 1", and a previous page that ended with a
// closing ("Veuillez agréer", "Yours sincerely"). Evidence for a
// continuation: a page number "2/3" or "page 2", text that opens in
// mid-sentence (lower case), a previous page that did not close its letter.
// The weights are log-odds, summed and squashed to 0..1; the reasons say
// which clues were seen, for the event log and for review.
//
// Pure functions; thread-compatible.
#ifndef FACTEUR_SEPARATE_FIRST_PAGE_H_
#define FACTEUR_SEPARATE_FIRST_PAGE_H_

#include <string>
#include <vector>

#include "facteur/document.h"

namespace facteur::separate {

struct FirstPageScore {
  double score = 0.5;                // 0 surely a continuation .. 1 surely a first page
  std::vector<std::string> reasons;  // "salutation", "page 2/3", "previous page closes"...
  bool has_text = false;             // false: no text to judge, the score is the prior
};

// `previous`: the page before it in the stack (nullptr for the first one).
FirstPageScore ScoreFirstPage(const Page& page, const Page* previous);

// "0.93 (salutation, subject, date)".
std::string DescribeScore(const FirstPageScore& score);

}  // namespace facteur::separate

#endif  // FACTEUR_SEPARATE_FIRST_PAGE_H_
