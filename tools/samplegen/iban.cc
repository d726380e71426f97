#include "samplegen/iban.h"

#include <cctype>

namespace facteur::samplegen {
namespace {

// Remainder mod 97 of a long decimal string, digit by digit.
int Mod97(std::string_view digits) {
  int r = 0;
  for (char c : digits) r = (r * 10 + (c - '0')) % 97;
  return r;
}

std::string RandomDigits(Rng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.Below(10));
  return s;
}

const FrenchBank kBanks[] = {{"30004", "BNPAFRPPXXX", "BNP Paribas"},
                             {"30003", "SOGEFRPP", "Société Générale"},
                             {"18206", "AGRIFRPP882", "Crédit Agricole"},
                             {"20041", "PSSTFRPPLYO", "La Banque Postale"},
                             {"30002", "CRLYFRPP", "LCL"}};

}  // namespace

const FrenchBank& RandomFrenchBank(Rng& rng) { return kBanks[rng.Below(5)]; }

std::string MakeFrenchIban(Rng& rng) { return MakeFrenchIban(rng, RandomFrenchBank(rng)); }

std::string MakeFrenchIban(Rng& rng, const FrenchBank& fb) {
  std::string bank = fb.code;
  std::string branch = RandomDigits(rng, 5);
  std::string account = RandomDigits(rng, 11);
  // RIB key: 97 - ((89 * bank + 15 * branch + 3 * account) mod 97).
  int rem = (89 * Mod97(bank) + 15 * Mod97(branch) + 3 * Mod97(account)) % 97;
  int key = 97 - rem;
  std::string bban = bank + branch + account + (key < 10 ? "0" : "") + std::to_string(key);
  // Check digits: 98 - (BBAN + "FR00" as digits) mod 97; F=15, R=27.
  int check = 98 - Mod97(bban + "152700");
  return "FR" + std::string(check < 10 ? "0" : "") + std::to_string(check) + bban;
}

bool IbanIsValid(std::string_view iban) {
  std::string compact;
  for (char c : iban) {
    if (c == ' ') continue;
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
    compact += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (compact.size() < 15 || compact.size() > 34) return false;
  if (!std::isalpha(static_cast<unsigned char>(compact[0])) ||
      !std::isalpha(static_cast<unsigned char>(compact[1])) ||
      !std::isdigit(static_cast<unsigned char>(compact[2])) ||
      !std::isdigit(static_cast<unsigned char>(compact[3]))) {
    return false;
  }
  std::string rearranged = compact.substr(4) + compact.substr(0, 4);
  std::string digits;
  for (char c : rearranged) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
    } else {
      digits += std::to_string(c - 'A' + 10);
    }
  }
  return Mod97(digits) == 1;
}

std::string FormatIban(std::string_view iban) {
  std::string out;
  for (size_t i = 0; i < iban.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += ' ';
    out += iban[i];
  }
  return out;
}

}  // namespace facteur::samplegen
