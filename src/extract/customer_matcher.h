// CustomerMatcher: which customer of the directory a document comes from,
// from its extracted fields. In order of trust:
//   1. customer_id, exact                          score 0.97 (0.99 if the name agrees)
//   2. customer_id, OCR-tolerant (O/0, I/1, S/5, B/8, Z/2, G/6 read alike;
//      or one character off when the name or postcode agrees)   0.90 / 0.80
//   3. contract_id, exact or OCR-tolerant          0.95 / 0.88
//   4. e-mail, exact                               0.90
//   5. sender name (fuzzy) + postcode (exact)      0.60..0.90 by name similarity
//   6. phone, exact                                0.75
// Evidence that points at two customers (an id of one, a contract of
// another) lowers the score and says so. Ambiguous evidence gives no match:
// no match beats a bad match.
//
// Thread safety: const methods may be called from several threads.
#ifndef FACTEUR_EXTRACT_CUSTOMER_MATCHER_H_
#define FACTEUR_EXTRACT_CUSTOMER_MATCHER_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facteur/customers.h"
#include "facteur/document.h"

namespace facteur::extract {

struct CustomerMatch {
  std::string customer_id;
  double score = 0;      // 0..1
  std::string how;       // "customer_id", "contract_id (OCR-tolerant)", "name+postcode 0.93"...
  std::string evidence;  // the field it rests on ("customer_id", "sender_name"...)
};

// Upper case, letters and digits only, OCR look-alikes read as digits:
// "cl-44674O" -> "CL446740". (The prefix letters are changed too; both
// sides are read the same way, so that is harmless.)
std::string CanonicalId(std::string_view id);

// 0..1 similarity of two person or company names, accent-, case- and
// word-order-insensitive ("Hélène Lambert" ~ "LAMBERT Helene" = 1).
double NameSimilarity(std::string_view a, std::string_view b);

class CustomerMatcher {
 public:
  explicit CustomerMatcher(std::vector<Customer> customers);
  size_t size() const { return customers_.size(); }
  std::optional<CustomerMatch> Match(const std::map<std::string, Field>& fields) const;

 private:
  std::optional<CustomerMatch> ById(const std::string& id, const std::map<std::string, Field>& fields) const;
  std::optional<CustomerMatch> ByContract(const std::string& contract) const;
  std::optional<CustomerMatch> ByNamePostcode(const std::string& name, const std::string& postcode) const;
  bool Agrees(const Customer& c, const std::map<std::string, Field>& fields) const;

  std::vector<Customer> customers_;
  std::map<std::string, std::vector<size_t>> by_id_, by_canonical_id_, by_contract_, by_canonical_contract_;
  std::map<std::string, std::vector<size_t>> by_email_, by_phone_, by_postcode_;
};

}  // namespace facteur::extract

#endif  // FACTEUR_EXTRACT_CUSTOMER_MATCHER_H_
