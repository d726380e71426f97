#include "extract/field_eval.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cstdio>

#include "extract/text_scan.h"

namespace facteur::extract {
namespace {

std::string AlnumFold(const std::string& s) {
  std::string out;
  for (char c : FoldText(s))
    if (IsAlnum(c)) out += c;
  return out;
}

// The number of an amount: "430.68 GBP" -> "430.68".
std::string Number(const std::string& s) { return s.substr(0, s.find(' ')); }

Result<Poco::JSON::Object::Ptr> ParseObject(const std::string& json, const std::string& origin) {
  try {
    Poco::JSON::Parser parser;
    Poco::Dynamic::Var root = parser.parse(json);
    auto obj = root.extract<Poco::JSON::Object::Ptr>();
    if (!obj) return Err(Status::Corrupt(origin + ": not a JSON object"));
    return obj;
  } catch (const Poco::Exception& e) {
    return Err(Status::Corrupt(origin + ": " + e.displayText()));
  } catch (const std::exception& e) {
    return Err(Status::Corrupt(origin + ": " + e.what()));
  }
}

Result<std::map<std::string, std::string>> StringMap(const Poco::JSON::Object::Ptr& obj,
                                                     const std::string& origin) {
  std::map<std::string, std::string> out;
  if (!obj) return out;
  try {
    for (const auto& [k, v] : *obj) out[k] = v.convert<std::string>();
  } catch (const Poco::Exception& e) {
    return Err(Status::Corrupt(origin + ": fields: " + e.displayText()));
  }
  return out;
}

}  // namespace

const std::vector<std::string>& DefaultScoredFields() {
  static const std::vector<std::string> kFields = {"date",      "sender_name", "sender_address",
                                                   "recipient", "customer_id", "contract_id",
                                                   "iban",      "bic",         "amount"};
  return kFields;
}

std::string ExtractorFieldName(const std::string& truth_name) {
  return truth_name == "amount_total" ? "amount" : truth_name;
}

bool SameFieldValue(const std::string& field, const std::string& truth, const std::string& got) {
  if (field == "amount") {
    if (truth.find(' ') != std::string::npos) return truth == got;
    return Number(truth) == Number(got);
  }
  if (field == "sender_name" || field == "sender_address" || field == "recipient" || field == "subject")
    return AlnumFold(truth) == AlnumFold(got);
  return truth == got;
}

void ScoreDocument(const std::string& name, const std::map<std::string, std::string>& truth_in,
                   const std::map<std::string, std::string>& got, const std::vector<std::string>& scored,
                   FieldReport& report) {
  std::map<std::string, std::string> truth;
  for (const auto& [k, v] : truth_in) truth[ExtractorFieldName(k)] = v;
  ++report.documents;
  for (const std::string& field : scored) {
    auto t = truth.find(field);
    auto g = got.find(field);
    FieldCounts& c = report.per_field[field];
    if (t == truth.end() && g == got.end()) continue;
    if (t != truth.end() && g != got.end() && SameFieldValue(field, t->second, g->second)) {
      ++c.tp;
      ++report.total.tp;
      continue;
    }
    if (g != got.end()) ++c.fp, ++report.total.fp;
    if (t != truth.end()) ++c.fn, ++report.total.fn;
    report.mistakes.push_back(name + ": " + field + ": want '" + (t == truth.end() ? "" : t->second) +
                              "', got '" + (g == got.end() ? "" : g->second) + "'");
  }
}

Result<std::map<std::string, std::string>> ReadTruthFields(const std::string& json,
                                                           const std::string& origin) {
  auto obj = ParseObject(json, origin);
  if (!obj) return Err(obj.error());
  return StringMap((*obj)->getObject("fields"), origin);
}

Result<RunLine> ReadRunLine(const std::string& json, const std::string& origin) {
  auto obj = ParseObject(json, origin);
  if (!obj) return Err(obj.error());
  RunLine line;
  line.source = (*obj)->optValue<std::string>("source", "");
  auto fields = StringMap((*obj)->getObject("fields"), origin);
  if (!fields) return Err(fields.error());
  line.fields = std::move(*fields);
  return line;
}

std::map<std::string, std::string> FieldValues(const std::map<std::string, Field>& fields) {
  std::map<std::string, std::string> out;
  for (const auto& [name, f] : fields) out[name] = f.value;
  return out;
}

void ScoreCustomer(const std::map<std::string, std::string>& truth, const std::map<std::string, Field>& fields,
                   CustomerTally& tally) {
  auto want = truth.find("customer_id");
  if (want == truth.end() || want->second.empty()) return;
  ++tally.documents;
  auto got = fields.find("customer");
  if (got == fields.end()) return;
  (got->second.value == want->second ? tally.matched : tally.wrong)++;
}

std::string FormatFieldReport(const FieldReport& r) {
  std::string out = "field            tp    fp    fn  precision  recall     F1\n";
  char buf[160];
  auto row = [&](const std::string& name, const FieldCounts& c) {
    std::snprintf(buf, sizeof buf, "%-15s %4d  %4d  %4d     %6.3f  %6.3f  %6.3f\n", name.c_str(), c.tp, c.fp,
                  c.fn, c.Precision(), c.Recall(), c.F1());
    out += buf;
  };
  for (const auto& [name, c] : r.per_field) row(name, c);
  row("all", r.total);
  std::snprintf(buf, sizeof buf, "(%d documents)\n", r.documents);
  return out + buf;
}

}  // namespace facteur::extract
