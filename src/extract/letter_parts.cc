#include "extract/letter_parts.h"

#include <regex>

#include "extract/contact.h"
#include "extract/dates.h"
#include "extract/text_scan.h"

namespace facteur::extract {
namespace {

int Letters(const std::string& s) {
  int n = 0;
  for (char c : s) n += IsAlpha(c) || (static_cast<unsigned char>(c) >= 0xC0);
  return n;
}

// A person's or a company's name: a few words, letters, no digits or colon.
bool LooksLikeName(const std::string& s) {
  if (s.size() > 60 || Letters(s) < 3 || s.find(':') != std::string::npos || s.find('@') != std::string::npos)
    return false;
  for (char c : s)
    if (IsDigit(c)) return false;
  return true;
}

// A contact line (phone, fax, e-mail) that may close an address block.
bool ContactLine(const std::string& s) {
  static const std::regex label(R"(^(tel|fax|phone|mobile|portable|e-?mail|courriel)\b)");
  const std::string f = FoldText(s);
  return f.find('@') != std::string::npos || !FindPhones(s).empty() || std::regex_search(f, label);
}

// A long name wraps: "Assurances Générales de" / "l'Ouest". The next line
// continues it when it starts in lower case or this one ends on a linking word.
bool Continues(const std::string& line, const std::string& next) {
  static const std::regex linking(R"(\b(de|du|des|d'|la|le|et|of|and|the|&)$)");
  if (next.empty() || !LooksLikeName(next) || !FindPostcodes(next).empty()) return false;
  return IsLower(next[0]) || std::regex_search(FoldText(line), linking);
}

// Index of the first line in [from, from + window) carrying a postcode, or -1.
int PostcodeLine(const std::vector<int>& idx, size_t from, size_t window,
                 const std::vector<std::string>& lines) {
  for (size_t k = from; k < idx.size() && k < from + window; ++k) {
    if (ContactLine(lines[idx[k]])) return -1;
    if (!FindPostcodes(lines[idx[k]]).empty()) return static_cast<int>(k);
  }
  return -1;
}

}  // namespace

SenderBlock FindSenderBlock(const std::vector<std::string>& lines, int skip_line) {
  SenderBlock block;
  std::vector<int> idx;  // the non-empty lines, OCR noise dropped
  for (size_t n = 0; n < lines.size() && idx.size() < 40; ++n)
    if (static_cast<int>(n) != skip_line && Letters(lines[n]) + DigitsOf(lines[n]).size() >= 3)
      idx.push_back(static_cast<int>(n));
  if (idx.size() < 3) return block;
  const int pc = PostcodeLine(idx, 1, 4, lines);
  if (pc < 0) return block;
  // A block starts with a name and has short address lines; anything else
  // (an upside-down page read as noise, a fax header OCR garbled) is no block.
  const std::string& first = lines[idx[0]];
  if (!LooksLikeName(first)) return block;
  for (int k = 1; k <= pc; ++k)
    if (lines[idx[k]].size() > 60) return block;
  block.name = Found{first, 0.8, first, idx[0]};
  std::string address;
  for (int k = 1; k <= pc; ++k) address += (k > 1 ? ", " : "") + Trim(lines[idx[k]], " ,");
  block.address = Found{address, 0.8, Trim(lines[idx[1]]), idx[1]};
  const std::string& pc_line = lines[idx[pc]];
  Span code = FindPostcodes(pc_line).back();
  block.postcode = Found{code.value, 0.85, pc_line.substr(code.begin, code.end - code.begin), idx[pc]};
  block.end_line = idx[pc];
  // The recipient: the next block, past contact lines, with its own postcode.
  size_t r = pc + 1;
  while (r < idx.size() && ContactLine(lines[idx[r]])) ++r;
  if (r < idx.size() && LooksLikeName(lines[idx[r]]) && ParseDate(lines[idx[r]]).empty() &&
      PostcodeLine(idx, r + 1, 5, lines) >= 0) {
    std::string name = lines[idx[r]];
    if (r + 1 < idx.size() && Continues(name, lines[idx[r + 1]])) name += " " + lines[idx[r + 1]];
    block.recipient = Found{name, 0.75, name, idx[r]};
  } else {
    // OCR may read the recipient's block later (an invoice's table first):
    // take the first later name, street and postcode lines, less surely.
    for (size_t k = pc + 1; k + 2 < idx.size(); ++k) {
      const std::string& name = lines[idx[k]];
      if (!LooksLikeName(name) || !ParseDate(name).empty() || ContactLine(lines[idx[k + 1]])) continue;
      int end = PostcodeLine(idx, k + 1, 2, lines);
      if (end < 0 || FindPostcodes(lines[idx[k + 1]]).size() > 0) continue;
      block.recipient = Found{name, 0.6, name, idx[k]};
      break;
    }
  }
  return block;
}

MaybeFound FindSubject(const std::vector<std::string>& lines) {
  static const std::regex re(R"(^(objet|subject|re|concerne|sujet)\s?:\s*)");
  for (size_t n = 0; n < lines.size(); ++n) {
    const Folded f = Fold(lines[n]);
    std::smatch m;
    if (!std::regex_search(f.text, m, re)) continue;
    std::string value = Trim(lines[n].substr(f.origin[m.length()]));
    if (value.empty()) continue;
    return Found{value, 0.9, value, static_cast<int>(n)};
  }
  return std::nullopt;
}

}  // namespace facteur::extract
