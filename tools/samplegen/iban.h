// IBANs for generated letters: French (FR76...) account numbers that pass the
// ISO 13616 mod-97 check and carry a correct RIB key, as a real one would.
#ifndef FACTEUR_TOOLS_SAMPLEGEN_IBAN_H_
#define FACTEUR_TOOLS_SAMPLEGEN_IBAN_H_

#include <string>
#include <string_view>

#include "samplegen/rng.h"

namespace facteur::samplegen {

// A French bank: its 5-digit code (first digits of the BBAN), BIC and name.
struct FrenchBank {
  const char* code;
  const char* bic;
  const char* name;
};
// Real codes (BNP Paribas, Société Générale, Crédit Agricole, La Banque
// Postale, LCL) so IBAN, BIC and bank name agree as on a real RIB.
const FrenchBank& RandomFrenchBank(Rng& rng);

// A French IBAN without spaces ("FR7630006000011234567890189") at `bank`:
// random branch and account digits, RIB key and ISO check digits computed.
std::string MakeFrenchIban(Rng& rng, const FrenchBank& bank);
// The same at a random bank.
std::string MakeFrenchIban(Rng& rng);

// True when `iban` (spaces allowed) has a known shape (2 letters, 2 digits,
// alphanumerics) and its mod-97 remainder is 1 (ISO 13616).
bool IbanIsValid(std::string_view iban);

// "FR76 3000 6000 0112 3456 7890 189": groups of four, as printed on a RIB.
std::string FormatIban(std::string_view iban);

}  // namespace facteur::samplegen

#endif  // FACTEUR_TOOLS_SAMPLEGEN_IBAN_H_
