#include "separate/first_page.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>

namespace facteur::separate {
namespace {

// One printed line: its text in lower case and how far down the page it
// starts (0 top .. 1 bottom).
struct Line {
  std::string lower;
  double top = 0;
};

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  // The capitals French letters start with: É, È, À, Ç (UTF-8 0xC3 0x80..0x9E).
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) == 0xC3 && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9E)
      s[i + 1] = static_cast<char>(s[i + 1] + 0x20);
  return s;
}

// Lines from the OCR word boxes (reading order: a word lower down, or back
// to the left, starts a line); from the text alone when there are no boxes.
std::vector<Line> PageLines(const Page& page) {
  std::vector<Line> lines;
  const PageText& t = page.text;
  int height = page.height;
  for (const WordBox& w : t.words) height = std::max(height, w.y + w.h);
  if (!t.words.empty() && height > 0) {
    int last_x = 0, last_mid = -1, last_h = 0;
    for (const WordBox& w : t.words) {
      if (w.text.empty()) continue;
      int mid = w.y + w.h / 2;
      bool same = last_mid >= 0 && std::abs(mid - last_mid) * 2 < std::max(w.h, last_h) && w.x > last_x;
      if (!same) lines.push_back(Line{"", static_cast<double>(w.y) / height});
      if (!lines.back().lower.empty()) lines.back().lower += ' ';
      lines.back().lower += Lower(w.text);
      last_x = w.x;
      last_mid = mid;
      last_h = w.h;
    }
    return lines;
  }
  std::vector<std::string> raw;
  size_t start = 0;
  while (start <= t.text.size()) {
    size_t end = t.text.find('\n', start);
    if (end == std::string::npos) end = t.text.size();
    std::string s = t.text.substr(start, end - start);
    if (s.find_first_not_of(" \t\r") != std::string::npos) raw.push_back(Lower(s));
    start = end + 1;
  }
  // Without positions, assume the text fills a page of about 50 lines.
  const double lines_per_page = std::max<double>(50, static_cast<double>(raw.size()));
  for (size_t i = 0; i < raw.size(); ++i) lines.push_back(Line{raw[i], static_cast<double>(i) / lines_per_page});
  return lines;
}

bool Matches(const std::string& s, const std::regex& re) { return std::regex_search(s, re); }

const char kMonths[] =
    "(janvier|f(?:e|é)vrier|mars|avril|mai|juin|juillet|ao(?:u|û)t|septembre|octobre|novembre|d(?:e|é)cembre|"
    "january|february|march|april|may|june|july|august|september|october|november|december)";

struct Clues {
  std::regex page_of{R"((^|\s)(page|p\.)\s*(\d{1,2})(\s*(/|sur|of|de)\s*(\d{1,2}))?(\s|$))"};
  std::regex bare_page{R"(^\W{0,2}(\d{1,2})\s*/\s*(\d{1,2})\W{0,2}$)"};
  std::regex salutation{R"(^(madame|monsieur|mesdames|messieurs|dear|cher|ch(?:e|è)re|bonjour|to whom|ladies))"};
  std::regex subject{R"(^(objet|object|re|subject|concerne|betreff)\s?:)"};
  std::regex date{std::string(R"(\b\d{1,2}(er)?\s+)") + kMonths + R"(\s+\d{4}\b|)" + kMonths +
                  R"(\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b)"};
  std::regex postal{R"(^\d{5}\s+\S|\b[a-z]{1,2}\d[a-z\d]?\s+\d[a-z]{2}$|,\s*[a-z]{2}\s+\d{5}\b)"};
  std::regex reference{R"(^(r(?:e|é)f(?:e|é)rence|reference|r(?:e|é)f\b|n°|nos r|vos r|your ref|our ref|customer ref|)"
                       R"(contract no|policy no|account no|dossier|client))"};
  std::regex closing{R"(agr(?:e|é)er|salutations|sentiments|consid(?:e|é)ration distingu|cordialement|sincerely|)"
                     R"(faithfully|regards|yours truly|respectfully)"};
};

const Clues& TheClues() {
  static const Clues* clues = new Clues();
  return *clues;
}

// Page number N of M on the page, if printed: {N, M} (M = 0 when absent).
bool PageNumber(const std::vector<Line>& lines, int* number, int* of) {
  std::smatch m;
  for (const Line& line : lines) {
    if (line.lower.size() > 40) continue;
    if (std::regex_search(line.lower, m, TheClues().page_of)) {
      *number = std::stoi(m[3]);
      *of = m[6].matched ? std::stoi(m[6]) : 0;
      return true;
    }
    if (std::regex_match(line.lower, m, TheClues().bare_page) && std::stoi(m[1]) <= std::stoi(m[2])) {
      *number = std::stoi(m[1]);
      *of = std::stoi(m[2]);
      return true;
    }
  }
  return false;
}

}  // namespace

FirstPageScore ScoreFirstPage(const Page& page, const Page* previous) {
  const Clues& clues = TheClues();
  FirstPageScore result;
  std::vector<Line> lines = PageLines(page);
  result.has_text = !lines.empty();
  double logit = -1.5;  // prior: a page without clues continues the letter before
  auto add = [&](double weight, const std::string& reason) {
    logit += weight;
    result.reasons.push_back(reason);
  };
  int number = 0, of = 0;
  if (PageNumber(lines, &number, &of)) {
    std::string label = "page " + std::to_string(number) + (of > 0 ? "/" + std::to_string(of) : "");
    add(number == 1 ? 3.5 : -4.0, label);
  }
  bool salutation = false, subject = false, date = false, reference = false;
  int postal = 0, last_postal = -3;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    const bool short_line = line.lower.size() <= 60;
    if (!salutation && line.top < 0.7 && line.lower.size() <= 45 && Matches(line.lower, clues.salutation))
      salutation = true;
    if (!subject && line.top < 0.6 && Matches(line.lower, clues.subject)) subject = true;
    if (!date && line.top < 0.45 && short_line && Matches(line.lower, clues.date)) date = true;
    if (!reference && line.top < 0.5 && short_line && Matches(line.lower, clues.reference)) reference = true;
    // Sender and recipient blocks: a postal code line each, a few lines apart.
    if (postal < 2 && line.top < 0.45 && line.lower.size() <= 45 && static_cast<int>(i) - last_postal > 2 &&
        Matches(line.lower, clues.postal)) {
      ++postal;
      last_postal = static_cast<int>(i);
    }
  }
  if (salutation) add(2.0, "salutation");
  if (subject) add(2.0, "subject line");
  if (date) add(1.0, "date line");
  if (reference) add(0.6, "references");
  if (postal > 0) add(0.9 * postal, postal == 1 ? "address block" : "address blocks");
  // Text that opens in mid-sentence continues the page before.
  const size_t first = page.text.text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && page.text.text[first] >= 'a' && page.text.text[first] <= 'z' &&
      lines.front().lower.size() > 25)
    add(-1.0, "opens mid-sentence");
  if (previous != nullptr) {
    std::vector<Line> before = PageLines(*previous);
    if (!before.empty()) {
      bool closes = std::any_of(before.begin(), before.end(), [&](const Line& l) {
        return l.top > 0.3 && Matches(l.lower, clues.closing);
      });
      add(closes ? 1.2 : -0.8, closes ? "previous page closes" : "previous page does not close");
    }
  }
  result.score = 1.0 / (1.0 + std::exp(-logit));
  return result;
}

std::string DescribeScore(const FirstPageScore& score) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", score.score);
  std::string out = buf;
  if (!score.has_text) return out + " (no text)";
  std::string reasons;
  for (const std::string& r : score.reasons) reasons += (reasons.empty() ? "" : ", ") + r;
  return reasons.empty() ? out : out + " (" + reasons + ")";
}

}  // namespace facteur::separate
