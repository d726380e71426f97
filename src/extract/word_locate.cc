#include "extract/word_locate.h"

#include <algorithm>
#include <string>

namespace facteur::extract {
namespace {

std::string NoSpaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t') out += c;
  return out;
}

}  // namespace

Box LocateWords(const std::vector<WordBox>& words, std::string_view printed) {
  const std::string target = NoSpaces(printed);
  if (target.empty()) return {};
  for (size_t i = 0; i < words.size(); ++i) {
    std::string joined;
    for (size_t j = i; j < words.size() && joined.size() < target.size() + words[i].text.size(); ++j) {
      joined += NoSpaces(words[j].text);
      size_t at = joined.find(target);
      if (at == std::string::npos) continue;
      if (at >= NoSpaces(words[i].text).size()) break;  // starts in a later word
      int x0 = words[i].x, y0 = words[i].y, x1 = x0 + words[i].w, y1 = y0 + words[i].h;
      for (size_t k = i + 1; k <= j; ++k) {
        x0 = std::min(x0, words[k].x);
        y0 = std::min(y0, words[k].y);
        x1 = std::max(x1, words[k].x + words[k].w);
        y1 = std::max(y1, words[k].y + words[k].h);
      }
      return Box{x0, y0, x1 - x0, y1 - y0};
    }
  }
  return {};
}

}  // namespace facteur::extract
