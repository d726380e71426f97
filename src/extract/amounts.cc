#include "extract/amounts.h"

#include <regex>

#include "extract/text_scan.h"

namespace facteur::extract {
namespace {

// Number: groups of three after a space, dot, comma or apostrophe, then an
// optional decimal part of one or two digits.
#define FACTEUR_NUM R"((\d{1,3}(?:[ .,']\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?))"
#define FACTEUR_CUR "(\xE2\x82\xAC|EUR|euros?|Euros?|\xC2\xA3|GBP|\\$|USD|CHF)"

const std::regex& AmountRegex() {
  static const std::regex re(FACTEUR_CUR " ?" FACTEUR_NUM "(?![\\d])|(?:^|[^\\d.,])" FACTEUR_NUM
                                         " ?" FACTEUR_CUR "(?![A-Za-z\\d])(?! ?\\d)",
                             std::regex::ECMAScript | std::regex::optimize);
  return re;
}

std::string IsoCurrency(const std::string& c) {
  if (c == "\xE2\x82\xAC" || c == "EUR" || c[0] == 'e' || c[0] == 'E') return "EUR";
  if (c == "\xC2\xA3" || c == "GBP") return "GBP";
  if (c == "$" || c == "USD") return "USD";
  return c;
}

int TotalRank(const std::string& folded_line) {
  static const char* const kStrong[] = {"total ttc",     "net a payer", "total due",
                                        "amount due",    "balance due", "montant total",
                                        "total a payer", "montant du",  "reste a payer"};
  for (const char* s : kStrong)
    if (folded_line.find(s) != std::string::npos) return 2;
  size_t at = folded_line.find("total");
  if (at != std::string::npos && (at == 0 || folded_line[at - 1] == ' ') &&
      folded_line.find("total ht") == std::string::npos)
    return 1;
  return 0;
}

}  // namespace

std::string NormaliseNumber(std::string_view s) {
  std::string text(s);
  size_t last = text.find_last_of(".,");
  std::string units = text, cents = "00";
  if (last != std::string::npos && text.size() - last - 1 <= 2) {  // decimal part
    units = text.substr(0, last);
    cents = text.substr(last + 1);
    if (cents.size() == 1) cents += '0';
  }
  units = DigitsOf(units);
  if (units.empty() || DigitsOf(cents).size() != 2) return "";
  while (units.size() > 1 && units[0] == '0') units.erase(0, 1);
  return units + "." + cents;
}

std::vector<AmountMatch> FindAmounts(std::string_view line) {
  std::vector<AmountMatch> out;
  const std::string text(line);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), AmountRegex()); it != std::sregex_iterator();
       ++it) {
    const std::smatch& m = *it;
    const bool prefix = m[1].matched;
    std::string number = prefix ? m[2].str() : m[3].str();
    std::string value = NormaliseNumber(number);
    if (value.empty()) continue;
    size_t begin = prefix ? m.position(1) : m.position(3);
    size_t end = m.position(0) + m.length(0);
    out.push_back({value + " " + IsoCurrency(prefix ? m[1].str() : m[4].str()), begin, end});
  }
  return out;
}

MaybeFound FindAmount(const std::vector<std::string>& lines) {
  MaybeFound first, total;
  int total_rank = 0;
  bool several = false;
  for (size_t n = 0; n < lines.size(); ++n) {
    auto amounts = FindAmounts(lines[n]);
    if (amounts.empty()) continue;
    const AmountMatch& a = amounts.back();  // on a total line the total is last
    const std::string raw = lines[n].substr(a.begin, a.end - a.begin);
    int rank = TotalRank(FoldText(lines[n]));
    if (rank > 0 && rank >= total_rank) {
      total = Found{a.value, rank == 2 ? 0.92 : 0.8, raw, static_cast<int>(n)};
      total_rank = rank;
    }
    if (!first) {
      first = Found{amounts.front().value, 0.7,
                    lines[n].substr(amounts.front().begin, amounts.front().end - amounts.front().begin),
                    static_cast<int>(n)};
    }
    for (const AmountMatch& other : amounts) several = several || other.value != first->value;
  }
  if (total) return total;
  if (first && several) first->confidence = 0.5;
  return first;
}

}  // namespace facteur::extract
