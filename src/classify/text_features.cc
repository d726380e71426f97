#include "classify/text_features.h"

#include <cctype>

#include "classify/text_fold.h"

namespace facteur {
namespace {

bool Letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); }
bool Digit(char c) { return std::isdigit(static_cast<unsigned char>(c)); }

}  // namespace

std::vector<std::string> FoldedWords(std::string_view text) {
  const std::string folded = FoldText(text);
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (Letter(c)) {
      word += c;
    } else if (Digit(c)) {
      flush();
      while (i + 1 < folded.size() && Digit(folded[i + 1])) ++i;
      words.push_back("0");
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::vector<std::string> SubjectWords(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (int line = 0; start < text.size() && line < 40; ++line) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::vector<std::string> words = FoldedWords(text.substr(start, end - start));
    start = end + 1;
    if (words.empty()) continue;
    const std::string& w = words[0];
    if (w == "objet" || w == "re" || w == "subject" || w == "concerne") {
      out.insert(out.end(), words.begin() + 1, words.end());
      if (out.size() > 12) out.resize(12);
      return out;
    }
  }
  return out;
}

std::unordered_map<std::string, int> ExtractFeatures(std::string_view text) {
  const std::vector<std::string> words = FoldedWords(text);
  std::unordered_map<std::string, int> features;
  // The subject line says the intent in a few words: its words count again,
  // as features of their own, so the model can weigh them apart.
  for (const std::string& w : SubjectWords(text))
    if (w != "0") ++features["s:" + w];
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    ++features["w:" + w];
    if (i + 1 < words.size()) ++features["b:" + w + " " + words[i + 1]];
    if (w == "0") continue;
    const std::string padded = " " + w + " ";
    for (size_t n = 3; n <= 5; ++n) {
      for (size_t start = 0; start + n <= padded.size(); ++start) ++features["c:" + padded.substr(start, n)];
    }
  }
  return features;
}

}  // namespace facteur
