#include "extract/dates.h"

#include <cstdio>
#include <regex>

#include "extract/text_scan.h"

namespace facteur::extract {
namespace {

const char* const kMonths[][2] = {
    {"janvier", "january"}, {"fevrier", "february"},  {"mars", "march"},
    {"avril", "april"},     {"mai", "may"},           {"juin", "june"},
    {"juillet", "july"},    {"aout", "august"},       {"septembre", "september"},
    {"octobre", "october"}, {"novembre", "november"}, {"decembre", "december"}};

int MonthNumber(const std::string& name) {
  for (int m = 0; m < 12; ++m) {
    if (name == kMonths[m][0] || name == kMonths[m][1]) return m + 1;
    // English abbreviations: "Nov", "Sept".
    if (name.size() >= 3 && std::string(kMonths[m][1]).compare(0, name.size(), name) == 0) return m + 1;
  }
  return 0;
}

std::string Iso(int y, int m, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return "";
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int Day(const std::string& s) {
  if (s == "1er" || s == "ler" || s == "1o") return 1;  // OCR reads "1er" as "ler"
  return std::atoi(s.c_str());
}

const std::regex& DateRegex() {
  // 1: day month year; 5: month day, year; 8: dd/mm/yyyy; 11: yyyy-mm-dd.
  static const std::regex re(R"(\b(\d{1,2}(?:er|st|nd|rd|th)?|ler)\s+([a-z]{3,9})\.?,?\s+(\d{4})\b)"
                             R"(|\b()([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)"
                             R"(|\b(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4})\b)"
                             R"(|\b(\d{4})-(\d{2})-(\d{2})\b)",
                             std::regex::ECMAScript | std::regex::optimize);
  return re;
}

}  // namespace

std::vector<DateMatch> FindDates(std::string_view folded) {
  std::vector<DateMatch> out;
  const std::string text(folded);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), DateRegex()); it != std::sregex_iterator();
       ++it) {
    const std::smatch& m = *it;
    std::string iso;
    if (m[1].matched) {
      int month = MonthNumber(m[2]);
      if (month) iso = Iso(std::atoi(m[3].str().c_str()), month, Day(m[1]));
    } else if (m[5].matched) {
      int month = MonthNumber(m[5]);
      if (month) iso = Iso(std::atoi(m[7].str().c_str()), month, std::atoi(m[6].str().c_str()));
    } else if (m[8].matched) {
      iso = Iso(std::atoi(m[10].str().c_str()), std::atoi(m[9].str().c_str()), std::atoi(m[8].str().c_str()));
    } else if (m[11].matched) {
      iso =
          Iso(std::atoi(m[11].str().c_str()), std::atoi(m[12].str().c_str()), std::atoi(m[13].str().c_str()));
    }
    if (iso.empty()) continue;
    out.push_back(
        {iso, static_cast<size_t>(m.position(0)), static_cast<size_t>(m.position(0) + m.length(0))});
  }
  return out;
}

std::string ParseDate(std::string_view utf8) {
  auto dates = FindDates(FoldText(utf8));
  return dates.empty() ? "" : dates.front().iso;
}

MaybeFound FindLetterDate(const std::vector<std::string>& lines, int skip_line) {
  // "Lyon, le 14 octobre 2026", "Manchester, 13 January 2026": a place, a
  // comma, the date, nothing after. "Date : ...", "Invoice date: ...".
  static const std::regex place(R"(^[a-z][a-z' .-]{1,40},\s*(le\s+)?$)");
  static const std::regex label(R"((^|\s)(date|dated|date de facture|invoice date|fait le)\s*:?\s*$)");
  MaybeFound fallback;
  for (size_t n = 0; n < lines.size(); ++n) {
    if (static_cast<int>(n) == skip_line) continue;
    const Folded f = Fold(lines[n]);
    for (const DateMatch& d : FindDates(f.text)) {
      const std::string before = f.text.substr(0, d.begin);
      const std::string after = Trim(f.text.substr(d.end), " .");
      const std::string raw = lines[n].substr(f.origin[d.begin], f.origin[d.end] - f.origin[d.begin]);
      if (after.empty() && std::regex_search(before, place))
        return Found{d.iso, 0.95, raw, static_cast<int>(n)};
      if (std::regex_search(before, label)) return Found{d.iso, 0.9, raw, static_cast<int>(n)};
      if (!fallback) fallback = Found{d.iso, 0.45, raw, static_cast<int>(n)};
    }
  }
  return fallback;
}

}  // namespace facteur::extract
