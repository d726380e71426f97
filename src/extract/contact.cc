#include "extract/contact.h"

#include <regex>

#include "extract/text_scan.h"

namespace facteur::extract {
namespace {

const std::regex& PhoneRegex() {
  static const std::regex re(
      R"((\+ ?(?:33|44) ?(?:\(0\) ?)?\d(?:[ .-]?\d){8,9}|\b0\d(?:[ .-]?\d){8,9})(?![\d]))",
      std::regex::ECMAScript | std::regex::optimize);
  return re;
}

bool HasWord(const std::string& folded, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    size_t at = folded.find(w);
    if (at != std::string::npos && (at == 0 || !IsAlpha(folded[at - 1]))) return true;
  }
  return false;
}

}  // namespace

std::string NormalisePhone(std::string_view printed) {
  std::string p(printed);
  size_t zero = p.find("(0)");
  if (zero != std::string::npos) p.erase(zero, 3);
  std::string d = DigitsOf(p);
  const bool plus = Trim(p).rfind('+', 0) == 0;
  if (plus || d.rfind("00", 0) == 0) {
    if (!plus) d.erase(0, 2);
    if (d.rfind("33", 0) == 0 && d.size() == 11 && d[2] != '0') return "+" + d;
    if (d.rfind("44", 0) == 0 && (d.size() == 12 || d.size() == 11) && d[2] != '0') return "+" + d;
    return "";
  }
  if (d.size() == 10 && d[0] == '0' && d[1] != '0') return "+33" + d.substr(1);
  if (d.size() == 11 && d[0] == '0' && d[1] != '0') return "+44" + d.substr(1);
  return "";
}

std::vector<Span> FindPhones(std::string_view line) {
  std::vector<Span> out;
  const std::string text(line);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), PhoneRegex()); it != std::sregex_iterator();
       ++it) {
    std::string e164 = NormalisePhone(it->str());
    if (!e164.empty())
      out.push_back(
          {e164, static_cast<size_t>(it->position()), static_cast<size_t>(it->position() + it->length())});
  }
  return out;
}

std::vector<Span> FindPostcodes(std::string_view line) {
  static const std::regex fr(R"((?:^|[\s,])(\d{5}) +([A-Z\xC3\xC5][A-Za-z\x80-\xFF'-]+))",
                             std::regex::ECMAScript | std::regex::optimize);
  static const std::regex uk(R"(\b([A-Z]{1,2}) ?(\d[A-Z\d]?) ?(\d[ABD-HJLNP-UW-Z]{2})\b)",
                             std::regex::ECMAScript | std::regex::optimize);
  // OCR reads the inward code's digit as a letter ("YO10 SDD" for YO10 5DD):
  // accepted only after a whole outward code and one space, and repaired.
  static const std::regex uk_ocr(R"(\b([A-Z]{1,2}\d[A-Z\d]?) ([SOIl])([ABD-HJLNP-UW-Z]{2})\b)",
                                 std::regex::ECMAScript | std::regex::optimize);
  std::vector<Span> out;
  const std::string text(line);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), fr); it != std::sregex_iterator(); ++it) {
    size_t b = it->position(1);
    out.push_back({(*it)[1].str(), b, b + 5});
  }
  for (auto it = std::sregex_iterator(text.begin(), text.end(), uk); it != std::sregex_iterator(); ++it) {
    out.push_back({(*it)[1].str() + (*it)[2].str() + " " + (*it)[3].str(),
                   static_cast<size_t>(it->position()), static_cast<size_t>(it->position() + it->length())});
  }
  if (out.empty()) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), uk_ocr); it != std::sregex_iterator(); ++it) {
      const char digit = (*it)[2].str()[0] == 'S' ? '5' : (*it)[2].str()[0] == 'O' ? '0' : '1';
      out.push_back({(*it)[1].str() + " " + digit + (*it)[3].str(), static_cast<size_t>(it->position()),
                     static_cast<size_t>(it->position() + it->length())});
    }
  }
  return out;
}

int FaxHeaderLine(const std::vector<std::string>& lines) {
  // Date, time, then anything, then a page mark: "P.01", "Page 1", "p. 1/2", "S. 1";
  // OCR noise before it, a comma for the dot and O/I/@ read for digits in the
  // page number are allowed.
  static const std::regex re(
      R"(^[^A-Za-z0-9]*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},? +\d{1,2}[:h.]\d{2}\b.*\b(?:P|p|Page|page|PAGE|S)[.,]? ?[\dOoIl@]{1,3}(?:/\d{1,3})?\W*$)",
      std::regex::ECMAScript | std::regex::optimize);
  int seen = 0;
  for (size_t n = 0; n < lines.size() && seen < 3; ++n) {
    if (lines[n].empty()) continue;
    ++seen;
    if (std::regex_search(lines[n], re)) return static_cast<int>(n);
  }
  return -1;
}

MaybeFound FindFaxSender(const std::vector<std::string>& lines) {
  int n = FaxHeaderLine(lines);
  if (n < 0) return std::nullopt;
  // The number comes after the time: skip "dd/mm/yyyy hh:mm".
  static const std::regex time(R"(\d{1,2}[:h.]\d{2}\b)");
  std::smatch m;
  const std::string& line = lines[n];
  if (!std::regex_search(line, m, time)) return std::nullopt;
  const size_t from = m.position() + m.length();
  for (const Span& p : FindPhones(std::string_view(line).substr(from)))
    return Found{p.value, 0.9, line.substr(from + p.begin, p.end - p.begin), n};
  return std::nullopt;
}

MaybeFound FindPhone(const std::vector<std::string>& lines, int prefer_before) {
  const int header = FaxHeaderLine(lines);
  MaybeFound best;
  for (size_t n = 0; n < lines.size(); ++n) {
    if (static_cast<int>(n) == header) continue;
    const std::string folded = FoldText(lines[n]);
    if (HasWord(folded, {"fax", "telecopie"})) continue;
    auto phones = FindPhones(lines[n]);
    if (phones.empty()) continue;
    const bool labelled = HasWord(folded, {"tel", "phone", "mobile", "portable", "telephone"});
    const bool early = static_cast<int>(n) < prefer_before;
    double confidence = labelled ? (early ? 0.95 : 0.85) : (early ? 0.7 : 0.5);
    if (!best || confidence > best->confidence) {
      const Span& p = phones.front();
      best = Found{p.value, confidence, lines[n].substr(p.begin, p.end - p.begin), static_cast<int>(n)};
    }
  }
  return best;
}

MaybeFound FindEmail(const std::vector<std::string>& lines) {
  static const std::regex re(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})");
  for (size_t n = 0; n < lines.size(); ++n) {
    std::smatch m;
    if (!std::regex_search(lines[n], m, re)) continue;
    std::string value = m.str();
    for (char& c : value)
      if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
    const bool labelled = HasWord(FoldText(lines[n]), {"mail", "courriel"});
    return Found{value, labelled ? 0.95 : 0.85, m.str(), static_cast<int>(n)};
  }
  return std::nullopt;
}

}  // namespace facteur::extract
