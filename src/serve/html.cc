#include "serve/html.h"

#include <cstdint>

#include "classify/text_fold.h"
#include "store/light_stem.h"

namespace facteur::serve {
namespace {

// Length of the valid UTF-8 sequence at text[i] and its code point; 0 when
// the bytes there are not valid UTF-8.
size_t Utf8At(std::string_view text, size_t i, uint32_t& cp) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
  for (size_t k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(text[i + k]);
    if ((cc >> 6) != 2) return 0;
    cp = (cp << 6) | (cc & 0x3f);
  }
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

// Letters and digits of the scripts letters are written in; Latin-1
// punctuation (« » NBSP) and general punctuation (’ – …) separate words.
bool IsWordChar(uint32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xc0 || cp == 0xd7 || cp == 0xf7) return false;
  return !(cp >= 0x2000 && cp <= 0x2bff) && !(cp >= 0x3000 && cp <= 0x303f);
}

bool Matches(const std::string& folded, const std::vector<std::string>& terms) {
  for (const std::string& t : terms) {
    bool prefix = !t.empty() && t.back() == '*';
    std::string_view body(t.data(), prefix ? t.size() - 1 : t.size());
    if (body.empty()) continue;
    if (prefix ? folded.compare(0, body.size(), body) == 0 : folded == body) return true;
  }
  return false;
}

}  // namespace

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    size_t n = Utf8At(text, i, cp);
    if (n == 0) {
      out += "\xef\xbf\xbd";  // U+FFFD
      ++i;
      continue;
    }
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case 0: break;
      default: out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string UrlEncode(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string Layout(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" + Escape(title) + " · facteur</title>"
         "<link rel=\"stylesheet\" href=\"/static/style.css\"></head><body>"
         "<header><a class=\"brand\" href=\"/\">facteur</a> <span>archives</span></header><main>" +
         body + "</main></body></html>\n";
}

std::string MarkSnippet(std::string_view snippet) {
  std::string out;
  bool open = false;
  size_t start = 0;
  for (size_t i = 0; i <= snippet.size(); ++i) {
    bool end = i == snippet.size();
    if (!end && snippet[i] != '[' && snippet[i] != ']') continue;
    out += Escape(snippet.substr(start, i - start));
    start = i + 1;
    if (end) break;
    if (snippet[i] == '[' && !open) {
      out += "<mark>";
      open = true;
    } else if (snippet[i] == ']' && open) {
      out += "</mark>";
      open = false;
    } else {
      out += snippet[i];  // a bracket of the text itself
    }
  }
  if (open) out += "</mark>";
  return out;
}

std::vector<std::string> QueryTerms(std::string_view query) {
  std::vector<std::string> terms;
  std::string word;
  auto flush = [&] {
    bool prefix = !word.empty() && word.back() == '*';
    if (prefix) word.pop_back();
    size_t colon = word.find(':');
    if (colon != std::string::npos) word = word.substr(colon + 1);
    if (!word.empty() && word[0] == '^') word = word.substr(1);
    if (word.empty() || word == "AND" || word == "OR" || word == "NOT" || word == "NEAR") {
      word.clear();
      return;
    }
    std::string folded = FoldText(word);
    if (!folded.empty()) terms.push_back(prefix ? folded + "*" : folded);
    std::string stem = store::LightStem(word);
    if (!prefix && !stem.empty()) terms.push_back(stem + "*");
    word.clear();
  };
  for (char c : query) {
    if (c == ' ' || c == '\t' || c == '"' || c == '(' || c == ')' || c == ',' || c == '\'' || c == '-' ||
        c == '.' || c == '/' || c == '@') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return terms;
}

std::string MarkTerms(std::string_view text, const std::vector<std::string>& terms) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    uint32_t cp = 0;
    size_t n = Utf8At(text, i, cp);
    if (n == 0 || !IsWordChar(cp)) {
      out += Escape(text.substr(i, n == 0 ? 1 : n));
      i += n == 0 ? 1 : n;
      continue;
    }
    size_t start = i;
    while (i < text.size() && (n = Utf8At(text, i, cp)) != 0 && IsWordChar(cp)) i += n;
    std::string_view word = text.substr(start, i - start);
    if (!terms.empty() && Matches(FoldText(word), terms)) {
      out += "<mark>" + Escape(word) + "</mark>";
    } else {
      out += Escape(word);
    }
  }
  return out;
}

}  // namespace facteur::serve
