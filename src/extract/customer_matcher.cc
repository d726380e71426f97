#include "extract/customer_matcher.h"

#include <algorithm>
#include <cstdio>

#include "extract/text_scan.h"

namespace facteur::extract {
namespace {

std::string Value(const std::map<std::string, Field>& fields, const char* name) {
  auto it = fields.find(name);
  return it == fields.end() ? "" : it->second.value;
}

std::string PostcodeKey(std::string_view p) {
  std::string out;
  for (char c : Upper(p))
    if (IsAlnum(c)) out += c;
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  return s;
}

size_t Levenshtein(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// Folded words, sorted, joined by one space.
std::string NameKey(std::string_view name) {
  std::vector<std::string> words;
  std::string word;
  for (char c : FoldText(name) + " ") {
    if (IsAlnum(c)) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  std::sort(words.begin(), words.end());
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

void Index(std::map<std::string, std::vector<size_t>>& index, const std::string& key, size_t i) {
  if (!key.empty()) index[key].push_back(i);
}

const std::vector<size_t>* Lookup(const std::map<std::string, std::vector<size_t>>& index,
                                  const std::string& key) {
  if (key.empty()) return nullptr;
  auto it = index.find(key);
  return it == index.end() ? nullptr : &it->second;
}

}  // namespace

std::string CanonicalId(std::string_view id) {
  std::string out;
  for (char c : Upper(id)) {
    if (!IsAlnum(c)) continue;
    switch (c) {
      case 'O':
        c = '0';
        break;
      case 'I':
      case 'L':
        c = '1';
        break;
      case 'S':
        c = '5';
        break;
      case 'B':
        c = '8';
        break;
      case 'Z':
        c = '2';
        break;
      case 'G':
        c = '6';
        break;
      default:
        break;
    }
    out += c;
  }
  return out;
}

double NameSimilarity(std::string_view a, std::string_view b) {
  const std::string x = NameKey(a), y = NameKey(b);
  if (x.empty() || y.empty()) return 0;
  return 1.0 - static_cast<double>(Levenshtein(x, y)) / std::max(x.size(), y.size());
}

CustomerMatcher::CustomerMatcher(std::vector<Customer> customers) : customers_(std::move(customers)) {
  for (size_t i = 0; i < customers_.size(); ++i) {
    const Customer& c = customers_[i];
    Index(by_id_, Upper(c.id), i);
    Index(by_canonical_id_, CanonicalId(c.id), i);
    for (const std::string& k : c.contract_ids) {
      Index(by_contract_, Upper(k), i);
      Index(by_canonical_contract_, CanonicalId(k), i);
    }
    Index(by_email_, Lower(c.email), i);
    Index(by_phone_, c.phone, i);
    Index(by_postcode_, PostcodeKey(c.postcode), i);
  }
}

bool CustomerMatcher::Agrees(const Customer& c, const std::map<std::string, Field>& fields) const {
  const std::string name = Value(fields, "sender_name"), postcode = Value(fields, "postcode");
  return (!name.empty() && NameSimilarity(name, c.name) >= 0.8) ||
         (!postcode.empty() && PostcodeKey(postcode) == PostcodeKey(c.postcode));
}

std::optional<CustomerMatch> CustomerMatcher::ById(const std::string& id,
                                                   const std::map<std::string, Field>& fields) const {
  if (const auto* hit = Lookup(by_id_, Upper(id)); hit && hit->size() == 1) {
    const Customer& c = customers_[hit->front()];
    return CustomerMatch{c.id, Agrees(c, fields) ? 0.99 : 0.97, "customer_id", "customer_id"};
  }
  const std::string canonical = CanonicalId(id);
  if (const auto* hit = Lookup(by_canonical_id_, canonical); hit && hit->size() == 1)
    return CustomerMatch{customers_[hit->front()].id, 0.9, "customer_id (OCR-tolerant)", "customer_id"};
  // One character off: only with the name or postcode to back it.
  std::optional<CustomerMatch> near;
  for (const auto& [key, list] : by_canonical_id_) {
    if (key.size() + 1 < canonical.size() || key.size() > canonical.size() + 1) continue;
    if (Levenshtein(key, canonical) != 1) continue;
    for (size_t i : list) {
      if (!Agrees(customers_[i], fields)) continue;
      if (near) return std::nullopt;  // two candidates: ambiguous
      near = CustomerMatch{customers_[i].id, 0.8, "customer_id (one character off, name or postcode agrees)",
                           "customer_id"};
    }
  }
  return near;
}

std::optional<CustomerMatch> CustomerMatcher::ByContract(const std::string& contract) const {
  if (const auto* hit = Lookup(by_contract_, Upper(contract)); hit && hit->size() == 1)
    return CustomerMatch{customers_[hit->front()].id, 0.95, "contract_id", "contract_id"};
  if (const auto* hit = Lookup(by_canonical_contract_, CanonicalId(contract)); hit && hit->size() == 1)
    return CustomerMatch{customers_[hit->front()].id, 0.88, "contract_id (OCR-tolerant)", "contract_id"};
  return std::nullopt;
}

std::optional<CustomerMatch> CustomerMatcher::ByNamePostcode(const std::string& name,
                                                             const std::string& postcode) const {
  const auto* same_place = Lookup(by_postcode_, PostcodeKey(postcode));
  if (!same_place || name.empty()) return std::nullopt;
  double best = 0, second = 0;
  size_t best_i = 0;
  for (size_t i : *same_place) {
    double s = NameSimilarity(name, customers_[i].name);
    if (s > best) {
      second = best;
      best = s;
      best_i = i;
    } else if (s > second) {
      second = s;
    }
  }
  if (best < 0.8 || best - second < 0.1) return std::nullopt;
  char how[64];
  std::snprintf(how, sizeof how, "name+postcode (name %.2f)", best);
  return CustomerMatch{customers_[best_i].id, 0.6 + 0.3 * (best - 0.8) / 0.2, how, "sender_name"};
}

std::optional<CustomerMatch> CustomerMatcher::Match(const std::map<std::string, Field>& fields) const {
  std::optional<CustomerMatch> by_id, by_contract, m;
  if (std::string id = Value(fields, "customer_id"); !id.empty()) by_id = ById(id, fields);
  if (std::string k = Value(fields, "contract_id"); !k.empty()) by_contract = ByContract(k);
  if (by_id && by_contract && by_id->customer_id != by_contract->customer_id) {
    by_id->score *= 0.75;  // the letter names two customers: let an operator look
    by_id->how += "; but contract_id belongs to " + by_contract->customer_id;
    return by_id;
  }
  if (by_id) return by_id;
  if (by_contract) return by_contract;
  if (const auto* hit = Lookup(by_email_, Lower(Value(fields, "email"))); hit && hit->size() == 1)
    return CustomerMatch{customers_[hit->front()].id, 0.9, "email", "email"};
  if ((m = ByNamePostcode(Value(fields, "sender_name"), Value(fields, "postcode")))) return m;
  if (const auto* hit = Lookup(by_phone_, Value(fields, "phone")); hit && hit->size() == 1)
    return CustomerMatch{customers_[hit->front()].id, 0.75, "phone", "phone"};
  return std::nullopt;
}

}  // namespace facteur::extract
