#include "extract/iban.h"

#include <cstdint>
#include <utility>

#include "extract/text_scan.h"

namespace facteur::extract {
namespace {

// BBAN formats from the SWIFT IBAN registry, in its notation: "5n" five
// digits, "4a" four letters, "11c" eleven letters or digits.
struct Country {
  const char* code;
  const char* bban;
};
const Country kCountries[] = {
    {"AD", "4n4n12c"},     {"AT", "5n11n"},   {"BE", "3n7n2n"},      {"BG", "4a4n2n8c"}, {"CH", "5n12c"},
    {"CY", "3n5n16c"},     {"CZ", "4n6n10n"}, {"DE", "8n10n"},       {"DK", "4n9n1n"},   {"EE", "2n2n11n1n"},
    {"ES", "4n4n1n1n10n"}, {"FI", "3n11n"},   {"FR", "5n5n11c2n"},   {"GB", "4a6n8n"},   {"GI", "4a15c"},
    {"GR", "3n4n16c"},     {"HR", "7n10n"},   {"HU", "3n4n1n15n1n"}, {"IE", "4a6n8n"},   {"IS", "4n2n6n10n"},
    {"IT", "1a5n5n12c"},   {"LI", "5n12c"},   {"LT", "5n11n"},       {"LU", "3n13c"},    {"LV", "4a13c"},
    {"MC", "5n5n11c2n"},   {"MT", "4a5n18c"}, {"NL", "4a10n"},       {"NO", "4n6n1n"},   {"PL", "8n16n"},
    {"PT", "4n4n11n2n"},   {"RO", "4a16c"},   {"SE", "3n16n1n"},     {"SI", "5n8n2n"},   {"SK", "4n6n10n"},
    {"SM", "1a5n5n12c"}};

// The full IBAN's character classes ('a', 'n', 'c'), or "" for an unknown country.
std::string Layout(std::string_view country) {
  for (const Country& c : kCountries) {
    if (country != c.code) continue;
    std::string out = "aann";
    int count = 0;
    for (const char* p = c.bban; *p; ++p) {
      if (IsDigit(*p)) {
        count = count * 10 + (*p - '0');
      } else {
        out.append(count, *p);
        count = 0;
      }
    }
    return out;
  }
  return "";
}

int Mod97(std::string_view iban) {
  int r = 0;
  auto feed = [&r](char c) {
    if (IsDigit(c)) {
      r = (r * 10 + (c - '0')) % 97;
    } else {
      r = (r * 100 + (c - 'A' + 10)) % 97;
    }
  };
  for (char c : iban.substr(4)) feed(c);
  for (char c : iban.substr(0, 4)) feed(c);
  return r;
}

// The French RIB key (bank, branch, account, key) inside FR/MC IBANs.
bool RibKeyValid(std::string_view bban) {
  static const char kLetterDigit[] = "12345678912345678923456789";  // A..Z
  auto num = [](std::string_view s) -> int64_t {
    int64_t v = 0;
    for (char c : s) v = v * 10 + (IsDigit(c) ? c - '0' : kLetterDigit[c - 'A'] - '0');
    return v;
  };
  int64_t sum = 89 * num(bban.substr(0, 5)) + 15 * num(bban.substr(5, 5)) + 3 * num(bban.substr(10, 11)) +
                num(bban.substr(21, 2));
  return sum % 97 == 0;
}

bool Fits(char c, char cls) {
  return cls == 'n' ? IsDigit(c) : cls == 'a' ? IsUpper(c) : IsUpper(c) || IsDigit(c);
}

bool Checks(std::string_view iban, const std::string& layout) {
  if (iban.size() != layout.size()) return false;
  for (size_t i = 0; i < iban.size(); ++i)
    if (!Fits(iban[i], layout[i])) return false;
  if (Mod97(iban) != 1) return false;
  std::string_view cc = iban.substr(0, 2);
  return (cc != "FR" && cc != "MC") || RibKeyValid(iban.substr(4));
}

// The other reading of an OCR-confusable character, or 0.
char Twin(char c) {
  static const std::pair<char, char> kPairs[] = {{'0', 'O'}, {'1', 'I'}, {'5', 'S'}, {'8', 'B'}};
  for (auto [digit, letter] : kPairs) {
    if (c == digit) return letter;
    if (c == letter) return digit;
  }
  return 0;
}

// IBAN countries and the main ones without IBANs.
bool BicCountry(std::string_view cc) {
  for (const char* other : {"US", "CA", "JP", "CN", "AU", "HK", "SG", "IN", "BR", "ZA"})
    if (cc == other) return true;
  return !Layout(cc).empty();
}

}  // namespace

bool IbanValid(std::string_view text) {
  std::string iban;
  for (char c : text)
    if (c != ' ') iban += c;
  if (iban.size() < 4) return false;
  std::string layout = Layout(iban.substr(0, 2));
  return !layout.empty() && Checks(iban, layout);
}

std::string RepairIban(std::string_view candidate, int* repairs) {
  if (repairs) *repairs = 0;
  std::string iban = Upper(candidate);
  if (iban.size() < 4) return "";
  int fixed = 0;
  for (size_t i = 0; i < 2; ++i) {  // the country code is letters
    if (char twin = Twin(iban[i]); twin && IsDigit(iban[i])) {
      iban[i] = twin;
      ++fixed;
    }
  }
  std::string layout = Layout(iban.substr(0, 2));
  if (layout.empty() || iban.size() != layout.size()) return "";
  // Where the format says digit or letter, a confusable character has one
  // right reading: take it.
  for (size_t i = 0; i < iban.size(); ++i) {
    if (Fits(iban[i], layout[i])) continue;
    char twin = Twin(iban[i]);
    if (!twin || !Fits(twin, layout[i])) return "";
    iban[i] = twin;
    ++fixed;
  }
  if (Checks(iban, layout)) {
    if (repairs) *repairs = fixed;
    return iban;
  }
  // Free positions: try one and two swaps; keep a repair only if unique.
  std::vector<size_t> open;
  for (size_t i = 4; i < iban.size(); ++i)
    if (layout[i] == 'c' && Twin(iban[i])) open.push_back(i);
  std::string found;
  int solutions = 0, swaps = 0;
  for (size_t a = 0; a < open.size() && solutions < 2; ++a) {
    std::string one = iban;
    one[open[a]] = Twin(one[open[a]]);
    if (Checks(one, layout)) {
      found = one;
      swaps = 1;
      ++solutions;
    }
    for (size_t b = a + 1; b < open.size() && solutions < 2; ++b) {
      std::string two = one;
      two[open[b]] = Twin(two[open[b]]);
      if (Checks(two, layout)) {
        found = two;
        swaps = 2;
        ++solutions;
      }
    }
  }
  if (solutions != 1) return "";
  if (repairs) *repairs = fixed + swaps;
  return found;
}

MaybeFound FindIban(const std::vector<std::string>& lines) {
  for (size_t n = 0; n < lines.size(); ++n) {
    // An IBAN may wrap onto the next line: read the two as one.
    const size_t own = lines[n].size();
    const std::string line = Upper(n + 1 < lines.size() ? lines[n] + " " + lines[n + 1] : lines[n]);
    const bool labelled = line.substr(0, own).find("IBAN") != std::string::npos;
    for (size_t i = 0; i + 4 <= own; ++i) {
      if (!IsUpper(line[i]) || !IsUpper(line[i + 1]) || (i > 0 && IsAlnum(line[i - 1]))) continue;
      std::string layout = Layout(line.substr(i, 2));
      if (layout.empty()) continue;
      // Gather letters and digits across single spaces up to the country's length.
      std::string compact;
      size_t j = i;
      for (; j < line.size() && compact.size() < layout.size(); ++j) {
        if (IsAlnum(line[j])) {
          compact += line[j];
        } else if ((line[j] != ' ' && line[j] != '.' && line[j] != '-') || j + 1 >= line.size() ||
                   !IsAlnum(line[j + 1])) {
          break;  // one separator between groups: a space, or a dot or dash OCR read for one
        }
      }
      if (compact.size() != layout.size() || (j < line.size() && IsAlnum(line[j]))) continue;
      int repairs = 0;
      std::string iban = RepairIban(compact, &repairs);
      if (iban.empty()) continue;
      double confidence = labelled ? (repairs ? 0.9 : 0.99) : (repairs ? 0.8 : 0.95);
      const std::string joined = n + 1 < lines.size() ? lines[n] + " " + lines[n + 1] : lines[n];
      return Found{iban, confidence, joined.substr(i, j - i), static_cast<int>(n)};
    }
  }
  return std::nullopt;
}

MaybeFound FindBic(const std::vector<std::string>& lines) {
  for (size_t n = 0; n < lines.size(); ++n) {
    const std::string line = Upper(lines[n]);
    for (const char* label : {"BIC", "SWIFT"}) {
      size_t at = line.find(label);
      if (at == std::string::npos || (at > 0 && IsAlnum(line[at - 1]))) continue;
      size_t i = at + std::string_view(label).size();
      while (i < line.size() && (line[i] == ' ' || line[i] == ':' || line[i] == '/' || line[i] == '-')) ++i;
      if (line.compare(i, 5, "SWIFT") == 0) i += 5;  // "BIC/SWIFT :"
      while (i < line.size() && (line[i] == ' ' || line[i] == ':')) ++i;
      size_t j = i;
      while (j < line.size() && IsAlnum(line[j])) ++j;
      std::string bic = line.substr(i, j - i);
      if (bic.size() != 8 && bic.size() != 11) continue;
      int repairs = 0;
      for (size_t k = 0; k < 6; ++k) {  // bank and country codes are letters
        if (IsUpper(bic[k])) continue;
        char twin = Twin(bic[k]);
        if (!twin) break;
        bic[k] = twin;
        ++repairs;
      }
      bool letters = true;
      for (size_t k = 0; k < 6; ++k) letters = letters && IsUpper(bic[k]);
      if (!letters || !BicCountry(bic.substr(4, 2))) continue;
      return Found{bic, repairs ? 0.85 : 0.95, lines[n].substr(i, j - i), static_cast<int>(n)};
    }
  }
  return std::nullopt;
}

}  // namespace facteur::extract
