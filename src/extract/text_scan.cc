#include "extract/text_scan.h"

#include <cstdint>

namespace facteur::extract {
namespace {

// Decodes one UTF-8 sequence at s[i]; returns the code point and sets `len`.
// A malformed byte decodes as itself (Latin-1 reading) with len 1, so bad
// input never stops the scan.
uint32_t Decode(std::string_view s, size_t i, size_t& len) {
  const auto b = static_cast<unsigned char>(s[i]);
  int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  if (b < 0x80 || extra == 0 || i + extra >= s.size()) {
    len = 1;
    return b;
  }
  uint32_t cp = b & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      len = 1;
      return b;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  len = extra + 1;
  return cp;
}

bool IsSpaceCp(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007 ||
         cp == 0x2002 || cp == 0x2003 || cp == 0x200A || cp == '\r';
}

// ASCII for a Latin letter or sign, or nullptr to keep the bytes.
const char* FoldCp(uint32_t cp) {
  if (cp >= 0x300 && cp <= 0x36F) return "";  // combining accents
  if (cp >= 0xC0 && cp <= 0x17F) {
    static const char* const kLatin1[] = {
        // C0..DF
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  //
        "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
        // E0..FF
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  //
        "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
    if (cp <= 0xFF) return kLatin1[cp - 0xC0];
    if (cp == 0x152 || cp == 0x153) return "oe";
    if (cp >= 0x100 && cp <= 0x105) return "a";
    if (cp >= 0x106 && cp <= 0x10D) return "c";
    if (cp >= 0x112 && cp <= 0x11B) return "e";
    if (cp >= 0x141 && cp <= 0x142) return "l";
    if (cp >= 0x15A && cp <= 0x161) return "s";
    if (cp >= 0x179 && cp <= 0x17E) return "z";
    return nullptr;
  }
  switch (cp) {
    case 0xB0:  // degree sign, as in "N°"
    case 0xBA:  // masculine ordinal, "Nº"
      return "o";
    case 0x2018:
    case 0x2019:
      return "'";
    case 0x201C:
    case 0x201D:
      return "\"";
    case 0x2013:
    case 0x2014:
      return "-";
  }
  if (IsSpaceCp(cp)) return " ";
  return nullptr;
}

}  // namespace

std::string CleanLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len;
    uint32_t cp = Decode(s, i, len);
    if (IsSpaceCp(cp)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (cp == 0x2018 || cp == 0x2019) {
      out += '\'';
    } else if (cp == 0x201C || cp == 0x201D) {
      out += '"';
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> CleanLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(CleanLine(text.substr(start, nl - start)));
    start = nl + 1;
  }
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

std::vector<std::string> SplitPages(std::string_view text) {
  std::vector<std::string> pages;
  size_t start = 0;
  for (size_t ff; (ff = text.find('\f', start)) != std::string_view::npos; start = ff + 1)
    pages.emplace_back(text.substr(start, ff - start));
  pages.emplace_back(text.substr(start));
  return pages;
}

Folded Fold(std::string_view s) {
  Folded f;
  f.text.reserve(s.size());
  f.origin.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size();) {
    size_t len;
    uint32_t cp = Decode(s, i, len);
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      f.text += IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
      f.origin.push_back(i);
    } else if (const char* ascii = len > 1 ? FoldCp(cp) : nullptr) {  // len 1: a malformed byte, kept
      for (const char* p = ascii; *p; ++p) {
        f.text += *p;
        f.origin.push_back(i);
      }
    } else {
      for (size_t k = 0; k < len; ++k) {
        f.text += s[i + k];
        f.origin.push_back(i + k);
      }
    }
    i += len;
  }
  f.origin.push_back(s.size());
  return f;
}

std::string FoldText(std::string_view s) { return Fold(s).text; }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (IsLower(c)) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string Trim(std::string_view s, std::string_view chars) {
  size_t a = s.find_first_not_of(chars);
  if (a == std::string_view::npos) return "";
  size_t b = s.find_last_not_of(chars);
  return std::string(s.substr(a, b - a + 1));
}

std::string DigitsOf(std::string_view s) {
  std::string out;
  for (char c : s)
    if (IsDigit(c)) out += c;
  return out;
}

}  // namespace facteur::extract
