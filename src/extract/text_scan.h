// Text helpers shared by the field extractors: white-space clean-up, line
// splitting, and accent/case folding that remembers where each folded byte
// came from, so a label found in folded text ("reference client") points back
// into the printed line ("Référence client").
//
// Pure functions on UTF-8 strings; thread-safe.
#ifndef FACTEUR_EXTRACT_TEXT_SCAN_H_
#define FACTEUR_EXTRACT_TEXT_SCAN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace facteur::extract {

// Non-breaking (U+00A0), narrow no-break (U+202F), thin (U+2009), figure
// (U+2007) spaces and tabs become ' '; typographic quotes become ASCII ones;
// runs of spaces collapse to one; ends are trimmed. Other bytes are kept.
std::string CleanLine(std::string_view utf8);

// `text` split on '\n' (and "\r\n"), each line cleaned by CleanLine. Empty
// lines are kept: OCR output separates blocks with them.
std::vector<std::string> CleanLines(std::string_view text);

// Pages of a text written with form feeds between pages.
std::vector<std::string> SplitPages(std::string_view text);

// Lower-case ASCII folding of Latin letters ("É" -> "e", "œ" -> "oe", "°" ->
// "o"); combining accents are dropped; other bytes are kept as they are.
struct Folded {
  std::string text;
  std::vector<size_t> origin;  // origin[i]: byte offset in the input of text[i];
                               // origin[text.size()] = input size
};
Folded Fold(std::string_view utf8);

// Fold(utf8).text.
std::string FoldText(std::string_view utf8);

// ASCII helpers that do not depend on the locale.
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }
inline bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
std::string Upper(std::string_view ascii);
std::string Trim(std::string_view s, std::string_view chars = " ");
// Only the digits of `s`.
std::string DigitsOf(std::string_view s);

}  // namespace facteur::extract

#endif  // FACTEUR_EXTRACT_TEXT_SCAN_H_
