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
    const bool word_start = i == 0 || !IsAlnum(folded[i - 1]);
    if (word_start && folded.compare(i, 2, "no") == 0 &&
        (i + 2 == folded.size() || !IsAlnum(folded[i + 2]))) {
      out += "n\\s*[o*]?";  // "N°", "No", "N*", or "N" when OCR drops the degree sign
      ++i;
    } else if (c == ' ') {
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

// What a character may stand for where the id wants a digit / a letter.
const char* Readings(char c, bool want_digit) {
  if (want_digit) {
    switch (c) {
      case 'O':
      case 'o':
      case 'D':
        return "0";
      case 'I':
      case 'l':
      case '|':
        return "1";
      case 'S':
      case 's':
        return "5";
      case 'B':
        return "8";
      case 'Z':
        return "2";
      default:
        return nullptr;
    }
  }
  switch (c) {
    case '0':
      return "O";
    case '1':
      return "IL";
    case '5':
      return "S";
    case '8':
      return "B";
    case '2':
      return "Z";
    default:
      return nullptr;
  }
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
      return Err(
          Status::InvalidArgument("id rule '" + r.field + "': bad pattern '" + r.pattern + "': " + e.what()));
    }
  }
  f.rules_ = std::move(rules);
  return f;
}

std::string IdFinder::Repair(size_t i, const std::string& token) const {
  const std::regex& re = *patterns_[i];
  if (std::regex_match(token, re)) return token;
  // The prefix (up to a '-', else up to the first digit) is read as letters,
  // the rest as digits; each reading is tried and the first that matches
  // the pattern is kept.
  size_t split = token.find('-');
  if (split == std::string::npos) split = token.find_first_of("0123456789");
  if (split == std::string::npos) return "";
  std::string base = token;
  for (size_t k = split; k < base.size(); ++k)
    if (const char* r = Readings(base[k], true)) base[k] = r[0];
  std::vector<std::string> readings = {base};
  for (size_t k = 0; k < split && readings.size() < 64; ++k) {
    const char* r = Readings(base[k], false);
    if (!r) continue;
    std::vector<std::string> more;
    for (const std::string& s : readings)
      for (const char* p = r; *p; ++p) {
        more.push_back(s);
        more.back()[k] = *p;
      }
    readings = std::move(more);
  }
  for (const std::string& s : readings)
    if (std::regex_match(s, re)) return s;
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
      std::string token =
          Trim(line.substr(from, end == std::string::npos ? std::string::npos : end - from), " .,;:");
      std::string id = Repair(i, token);
      if (!id.empty()) return Found{id, id == token ? 0.95 : 0.82, token, static_cast<int>(n)};
      if (end != std::string::npos) {
        // OCR may split an id at a space ("CL- 196726"): try it with the next word.
        size_t end2 = line.find(' ', end + 1);
        std::string two =
            Trim(line.substr(from, end2 == std::string::npos ? std::string::npos : end2 - from), " .,;:");
        std::string joined;
        for (char c : two)
          if (c != ' ') joined += c;
        if (!(id = Repair(i, joined)).empty()) return Found{id, 0.82, two, static_cast<int>(n)};
      }
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
