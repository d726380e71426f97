// Money amounts with their currency, in French and English notation:
// "1 274,50 €", "1.274,50 EUR", "1,020.00 GBP", "£430.68", "EUR 35.00",
// "35 euros". The value is normalised to "<units>.<cents> <ISO code>":
// "1274.50 EUR".
#ifndef FACTEUR_EXTRACT_AMOUNTS_H_
#define FACTEUR_EXTRACT_AMOUNTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/found.h"

namespace facteur::extract {

struct AmountMatch {
  std::string value;  // "1274.50 EUR"
  size_t begin = 0;   // byte range in the cleaned line
  size_t end = 0;
};

// Every amount with a currency in one cleaned line (CleanLine output).
std::vector<AmountMatch> FindAmounts(std::string_view line);

// "1 274,50" -> "1274.50", "1,020" -> "1020.00"; "" when not a number.
std::string NormaliseNumber(std::string_view digits);

// The document's amount: a total ("Total TTC", "Net à payer", "Total due",
// "Amount due") if one is printed, else the first amount (lower confidence,
// lower still when the letter gives several different amounts).
MaybeFound FindAmount(const std::vector<std::string>& lines);

}  // namespace facteur::extract

#endif  // FACTEUR_EXTRACT_AMOUNTS_H_
