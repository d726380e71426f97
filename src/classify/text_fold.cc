#include "classify/text_fold.h"


namespace facteur {
namespace {

// Decodes one UTF-8 sequence at s[i]; advances i. Invalid bytes decode as
// U+FFFD so folding never stops on bad OCR output.
char32_t Next(std::string_view s, size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) {
    auto cont = static_cast<unsigned char>(s[i + k]);
    if ((cont >> 6) != 2) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (cont & 0x3F);
  }
  i += len;
  return c;
}

// Appends the base letters of a Latin-1 Supplement or Latin Extended-A
// letter; false for any other character.
bool AppendFolded(std::string& out, char32_t c) {
  static const char* kLatin1[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0-CF
      "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0-EF
      "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "y"};  // F0-FF
  // U+0100..U+017F, one base letter each (ligatures handled below).
  static const char kExtA[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiijjjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  if (c >= 0xC0 && c <= 0xFF) {
    out += kLatin1[c - 0xC0];
  } else if (c == 0x152 || c == 0x153) {
    out += "oe";
  } else if (c == 0x132 || c == 0x133) {
    out += "ij";
  } else if (c >= 0x100 && c <= 0x17F) {
    out += kExtA[c - 0x100];
  } else {
    return false;
  }
  return true;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x202F || c == 0x2009 || c == 0x2007;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::string FoldText(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool space = false;
  for (size_t i = 0; i < utf8.size();) {
    char32_t c = Next(utf8, i);
    if (IsSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if (c == 0x2019 || c == 0x2018) {
      out += '\'';  // typographic apostrophes, as in « l’adresse »
    } else if (!AppendFolded(out, c)) {
      AppendUtf8(out, c);
    }
  }
  return out;
}

}  // namespace facteur
