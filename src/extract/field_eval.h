// Field evaluation: extracted fields against ground truth (the samples'
// and the sample generator's NAME.json "fields"), per field precision,
// recall and F1. `facteur eval` and the extract tests call it.
//
// Per document and scored field: a value equal to the truth is a true
// positive; a different value is a false positive and a false negative; a
// value where the truth has none is a false positive; a truth value with no
// extracted value is a false negative. Values compare after normalisation
// (SameFieldValue).
#ifndef FACTEUR_EXTRACT_FIELD_EVAL_H_
#define FACTEUR_EXTRACT_FIELD_EVAL_H_

#include <map>
#include <string>
#include <vector>

#include "facteur/document.h"
#include "facteur/status.h"

namespace facteur::extract {

struct FieldCounts {
  int tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
  double Recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct FieldReport {
  std::map<std::string, FieldCounts> per_field;
  FieldCounts total;  // summed over the scored fields
  int documents = 0;
  std::vector<std::string> mistakes;  // "doc: field: want X, got Y"
};

// The fields scored by default: those the extractor reads and the
// generator's truth records.
const std::vector<std::string>& DefaultScoredFields();

// Truth names that the extractor calls otherwise: "amount_total" -> "amount".
std::string ExtractorFieldName(const std::string& truth_name);

// Whether two values of `field` are the same: amounts by number (currency
// ignored when the truth gives none), names and addresses accent-, case- and
// punctuation-insensitively, the rest exactly.
bool SameFieldValue(const std::string& field, const std::string& truth, const std::string& got);

// Adds one document to `report`. `truth` uses the truth names.
void ScoreDocument(const std::string& name, const std::map<std::string, std::string>& truth,
                   const std::map<std::string, std::string>& got, const std::vector<std::string>& scored,
                   FieldReport& report);

// The "fields" object of a NAME.json truth file. Errors: kCorrupt naming `origin`.
Result<std::map<std::string, std::string>> ReadTruthFields(const std::string& json,
                                                           const std::string& origin);

// A `facteur run --json` line: its source path and fields.
struct RunLine {
  std::string source;
  std::map<std::string, std::string> fields;
};
Result<RunLine> ReadRunLine(const std::string& json, const std::string& origin);

// The values of a document's fields, by name (what ScoreDocument compares).
std::map<std::string, std::string> FieldValues(const std::map<std::string, Field>& fields);

// Customer matching against the truth's customer_id: of the documents whose
// truth names a customer, how many the match.customer stage attached to
// that customer (matched), to another one (wrong), or to none.
struct CustomerTally {
  int documents = 0, matched = 0, wrong = 0;
  double MatchRate() const { return documents ? double(matched) / documents : 0; }
  double WrongRate() const { return documents ? double(wrong) / documents : 0; }
};
void ScoreCustomer(const std::map<std::string, std::string>& truth, const std::map<std::string, Field>& fields,
                   CustomerTally& tally);

// A plain-text table: field, tp, fp, fn, precision, recall, F1.
std::string FormatFieldReport(const FieldReport& report);

}  // namespace facteur::extract

#endif  // FACTEUR_EXTRACT_FIELD_EVAL_H_
