#include "store/fts_query.h"

#include <string_view>

#include "store/light_stem.h"

namespace facteur::store {
namespace {

// FTS5's bareword characters (sqlite3Fts5IsBareword): these need no quotes.
bool IsBareword(unsigned char c) {
  return c >= 0x80 || c == '_' || c == 0x1a || (c >= '0' && c <= '9') ||
         (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool AllBareword(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    if (!IsBareword(c)) return false;
  }
  return true;
}

bool AnyBareword(std::string_view s) {
  for (unsigned char c : s) {
    if (IsBareword(c)) return true;
  }
  return false;
}

bool IsColumn(std::string_view s) { return s == "text" || s == "source" || s == "label"; }

bool IsOperator(std::string_view s) {
  return s == "AND" || s == "OR" || s == "NOT" || s == "NEAR";
}

// One word (no space, no quote, no parenthesis) made safe.
std::string Word(std::string_view w) {
  if (w.empty()) return std::string();
  // A lone * or ^ belongs to a neighbouring "phrase"*.
  if (IsOperator(w) || w == "*" || w == "^") return std::string(w);
  // NEAR's distance: "b, 5" arrives as "b," then "5".
  if (w.back() == ',') return Word(w.substr(0, w.size() - 1)) + ",";
  size_t colon = w.find(':');
  if (colon != std::string_view::npos && IsColumn(w.substr(0, colon))) {
    return std::string(w.substr(0, colon + 1)) + Word(w.substr(colon + 1));
  }
  std::string_view caret = (w.front() == '^') ? "^" : "";
  std::string_view body = w.substr(caret.size());
  bool prefix = !body.empty() && body.back() == '*';
  if (prefix) body.remove_suffix(1);
  if (AllBareword(body)) return std::string(w);
  if (!AnyBareword(body)) return std::string();
  return std::string(caret) + "\"" + std::string(body) + "\"" + (prefix ? "*" : "");
}

// A plain word's stem as a prefix, or the word when it has no safe stem.
std::string Stemmed(const std::string& w) {
  if (!AllBareword(w) || IsOperator(w)) return w;
  std::string stem = LightStem(w);
  if (stem.empty()) return w;
  return stem + "*";
}

}  // namespace

Result<std::string> TranslateQuery(const std::string& text, bool stem) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"') {
      // A phrase passes through as written, "" escapes included; an
      // unterminated one is left for FTS5 to reject.
      size_t end = i + 1;
      for (;;) {
        end = text.find('"', end);
        if (end == std::string::npos || end + 1 >= text.size() || text[end + 1] != '"') break;
        end += 2;
      }
      end = (end == std::string::npos) ? text.size() : end + 1;
      out.append(text, i, end - i);
      i = end;
    } else if (c == '(' || c == ')' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      out += c;
      ++i;
    } else {
      size_t end = text.find_first_of("\"() \t\n\r", i);
      if (end == std::string::npos) end = text.size();
      std::string word = Word(std::string_view(text).substr(i, end - i));
      out += stem ? Stemmed(word) : word;
      i = end;
    }
  }
  if (out.find_first_not_of(" \t\n\r") == std::string::npos) return Err(Status::InvalidArgument("search: empty query '" + text + "'"));
  return out;
}

Status QueryError(const std::string& text, const std::string& sqlite_message) {
  std::string_view why = sqlite_message;
  if (why.rfind("fts5: ", 0) == 0) why.remove_prefix(6);
  return Status::InvalidArgument("search: cannot parse query '" + text + "': " + std::string(why));
}

}  // namespace facteur::store
