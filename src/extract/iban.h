// IBAN (ISO 13616) and BIC (ISO 9362) extraction.
//
// Precision first: an IBAN is returned only when its mod-97 checksum holds
// (and, for FR/MC, the French RIB key too). OCR confusions O/0, I/1, S/5, B/8
// are repaired where the country's BBAN format says a digit or a letter must
// stand; in free alphanumeric positions at most two such swaps are tried, and
// a repair is kept only when exactly one variant validates.
#ifndef FACTEUR_EXTRACT_IBAN_H_
#define FACTEUR_EXTRACT_IBAN_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/found.h"

namespace facteur::extract {

// True when `iban` (spaces allowed, upper case) has a known country, the
// country's length and a valid mod-97 checksum (plus the RIB key for FR/MC).
bool IbanValid(std::string_view iban);

// The valid IBAN that `candidate` (compact, upper case, as read) stands for,
// or "" when none or more than one repair validates. `repairs` gets the
// number of characters changed.
std::string RepairIban(std::string_view candidate, int* repairs = nullptr);

// The first valid IBAN in `lines` (cleaned); confidence higher when an
// "IBAN" label precedes it and no repair was needed.
MaybeFound FindIban(const std::vector<std::string>& lines);

// A BIC after a "BIC" / "SWIFT" label: 4 letters, 2-letter country, 2
// letters/digits, optional 3-character branch.
MaybeFound FindBic(const std::vector<std::string>& lines);

}  // namespace facteur::extract

#endif  // FACTEUR_EXTRACT_IBAN_H_
