// Customer and contract references found by their label ("Référence client
// :", "N° de contrat", "Policy No.") and checked against the id's pattern,
// both declared per pipeline (extract.fields settings, `ids:`).
//
// OCR confusions are repaired only towards the pattern: "CL-44G749" stays
// unread, "CL-4467A9" is not guessed, but "CL-44674O" becomes "CL-446740"
// when O->0 makes it match.
#ifndef FACTEUR_EXTRACT_ID_FIELDS_H_
#define FACTEUR_EXTRACT_ID_FIELDS_H_

#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "extract/found.h"
#include "facteur/status.h"

namespace facteur::extract {

struct IdRule {
  std::string field;                // "customer_id"
  std::vector<std::string> labels;  // as printed; matched accent-, case- and space-insensitively
  std::string pattern;              // ECMAScript regex the whole id must match, e.g. "CL-\d{6}"
  bool bare = true;                 // also take the pattern without a label (lower confidence)
};

class IdFinder {
 public:
  // Errors: kInvalidArgument naming the rule whose pattern does not compile.
  static Result<IdFinder> Make(std::vector<IdRule> rules);

  const std::vector<IdRule>& rules() const { return rules_; }
  // The id for rules()[i] in `lines`: labelled first, then bare.
  MaybeFound Find(size_t i, const std::vector<std::string>& lines) const;
  // `token` itself if it matches rule i's pattern, else its one repair that
  // does (O->0, I/l->1, S->5, B->8 and back), else "".
  std::string Repair(size_t i, const std::string& token) const;

 private:
  std::vector<IdRule> rules_;
  std::vector<std::shared_ptr<const std::regex>> patterns_;  // whole-id match
  std::vector<std::shared_ptr<const std::regex>> labels_;    // folded label, then the value
};

}  // namespace facteur::extract

#endif  // FACTEUR_EXTRACT_ID_FIELDS_H_
