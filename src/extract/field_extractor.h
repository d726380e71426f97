// FieldExtractor: every field extractor of src/extract run over a document's
// pages, merged into one value per field with its page.
//
// Fields: customer_id, contract_id (and any id declared in `ids`), iban, bic,
// amount, date, email, phone, postcode, subject, sender_name,
// sender_address, recipient, fax_sender. The sender block, recipient and fax
// header are read on the first page only; any other field keeps its most
// confident value, the earliest page on ties.
//
// Thread safety: const methods may be called from several threads.
#ifndef FACTEUR_EXTRACT_FIELD_EXTRACTOR_H_
#define FACTEUR_EXTRACT_FIELD_EXTRACTOR_H_

#include <map>
#include <string>
#include <vector>

#include "extract/found.h"
#include "extract/id_fields.h"
#include "facteur/settings.h"
#include "facteur/status.h"

namespace facteur::extract {

struct ExtractConfig {
  std::vector<IdRule> ids;      // labelled references (customer_id, contract_id...)
  double min_confidence = 0.4;  // fields below it are dropped; 0 keeps every guess
};

// Reads the `extract.fields` settings section:
//   min_confidence: 0.4
//   ids:
//     - field: customer_id
//       labels: ["Référence client", "Customer ref"]
//       pattern: 'CL-\d{6}'
//       bare: true
// Errors name the file and line of the bad setting.
Result<ExtractConfig> ParseExtractConfig(const Settings& settings);

struct PageFound {
  Found found;
  int page = 0;  // 0-based page index
};

class FieldExtractor {
 public:
  static Result<FieldExtractor> Make(ExtractConfig config);
  // Fields found in the pages' texts (one UTF-8 text per page).
  std::map<std::string, PageFound> Extract(const std::vector<std::string>& pages) const;

 private:
  FieldExtractor(ExtractConfig config, IdFinder ids) : config_(std::move(config)), ids_(std::move(ids)) {}
  ExtractConfig config_;
  IdFinder ids_;
};

}  // namespace facteur::extract

#endif  // FACTEUR_EXTRACT_FIELD_EXTRACTOR_H_
