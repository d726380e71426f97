#include "extract/id_fields.h"

#include "extract/text_scan.h"

namespace facteur::extract {
namespace {

// A folded label as a regex: spaces optional, '.' and ':' optional, "no"
// also read as "n" (OCR drops the degree sign).
std::string LabelRegex(const std::string& label) {
  std::string folded = FoldText(label), out;
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    if (c == ' ') {
      out += "\\s*";
    } else if (c == '.' || c == ':') {
      out += std::string("\\") + c + "?";
    } else if (IsAlnum(c) || static_cast<unsigned char>(c) >= 0x80) {
      out += c;
    } else {
      out += std::string("\\") + c;
    }
  }
  return out;
}

char Confusable(char c, bool want_digit) {
  static const char kPairs[][2] = {{'0', 'O'}, {'0', 'o'}, {'1', 'I'}, {'1', 'l'}, {'5', 'S'}, {'8', 'B'}};
  for (const auto& p : kPairs) {
    if (want_digit && c == p[1]) return p[0];
    if (!want_digit && c == p[0] && IsUpper(p[1])) return p[1];
  }
  return 0;
}

}  // namespace

Result<IdFinder> IdFinder::Make(std::vector<IdRule> rules) {
  IdFinder f;
  for (const IdRule& r : rules) {
    if (r.field.empty() || r.pattern.empty())
      return Err(Status::InvalidArgument("id rule '" + r.field + "': needs a field and a pattern"));
    try {
      f.patterns_.push_back(std::make_shared<const std::regex>(r.pattern, std::regex::ECMAScript));
      std::string alt;
      for (const std::string& l : r.labels) alt += (alt.empty() ? "" : "|") + LabelRegex(l);
      // After the label: "n°", "no", "number", ':' and spaces, then the token.
      std::string re = alt.empty() ? "$^" : "(?:^|[^a-z])(?:" + alt + R"()\s*(?:n\s?o\.?|n\.)?\s*:?\s*)";
      f.labels_.push_back(std::make_shared<const std::regex>(re, std::regex::ECMAScript));
    } catch (const std::regex_error& e) {
      return Err(Status::InvalidArgument("id rule '" + r.field + "': bad pattern '" + r.pattern + "': " + e.what()));
    }
  }
  f.rules_ = std::move(rules);
  return f;
}

std::string IdFinder::Repair(size_t i, const std::string& token) const {
  const std::regex& re = *patterns_[i];
  if (std::regex_match(token, re)) return token;
  // Two readings: confusable letters after the first digit read as digits;
  // confusable digits before it read as letters (the prefix).
  size_t first_digit = token.find_first_of("0123456789");
  if (first_digit == std::string::npos) return "";
  std::string a = token;
  for (size_t k = first_digit; k < a.size(); ++k)
    if (char d = Confusable(a[k], true)) a[k] = d;
  for (size_t k = 0; k < first_digit; ++k)
    if (char l = Confusable(a[k], false)) a[k] = l;
  if (std::regex_match(a, re)) return a;
  return "";
}

MaybeFound IdFinder::Find(size_t i, const std::vector<std::string>& lines) const {
  MaybeFound bare;
  for (size_t n = 0; n < lines.size(); ++n) {
    const Folded f = Fold(lines[n]);
    std::smatch m;
    if (std::regex_search(f.text, m, *labels_[i])) {
      size_t from = f.origin[m.position() + m.length()];
      const std::string& line = lines[n];
      size_t end = line.find(' ', from);
      std::string token = Trim(line.substr(from, end == std::string::npos ? std::string::npos : end - from), " .,;:");
      std::string id = Repair(i, token);
      if (!id.empty()) return Found{id, id == token ? 0.95 : 0.82, token, static_cast<int>(n)};
    }
    if (bare || !rules_[i].bare) continue;
    // A bare id: any space-separated token that matches as printed.
    size_t start = 0;
    const std::string& line = lines[n];
    while (start < line.size()) {
      size_t end = line.find(' ', start);
      if (end == std::string::npos) end = line.size();
      std::string token = Trim(line.substr(start, end - start), " .,;:()");
      if (!token.empty() && std::regex_match(token, *patterns_[i])) {
        bare = Found{token, 0.6, token, static_cast<int>(n)};
        break;
      }
      start = end + 1;
    }
  }
  return bare;
}

}  // namespace facteur::extract
