// facteur eval: measures a pipeline on a labelled folder.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "classify/calibration.h"
#include "classify/labelled_set.h"
#include "cli/commands.h"
#include "cli/labelled_docs.h"
#include "core/files.h"
#include "extract/customer_csv.h"
#include "extract/field_eval.h"

namespace facteur {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

const char kHelp[] = R"(usage: facteur eval [options] DIR...

Runs a pipeline over labelled folders (NAME.json sidecars with "class", or
manifest.tsv `path<TAB>class`) and reports: class accuracy (overall and per
kind: clean, scan, fax, text), per-class precision and recall, the confusion
matrix, the straight-through rate (documents that need no review at the
pipeline's threshold) with the error rate among them, a reliability table
(stated confidence vs accuracy, per bin), and, where NAME.json carries
"fields" (as facteur-samplegen writes them), per-field precision, recall
and F1 and the customer match rate (with --customers).

Images go through every stage (import, OCR, ..., classify); files with only
ground-truth text, or all files with --text, through the classify and extract
stages only (fast).

options:
  --json            one JSON object on stdout
  --text            classify the ground-truth .txt even where there is an image
  --pipeline FILE   pipeline (default: pipelines/default.yaml)
  --jobs N          OCR workers (default: all cores)
  --errors          list the misclassified files
  --reviewed        list the correctly classified files sent to review
  --customers FILE  customer directory (CSV, as `facteur customers import`)
                    for the match.customer stage; the generator writes one
  -h, --help        this help
)";

struct Tally {
  int n = 0, correct = 0, straight = 0, straight_wrong = 0;
  void Add(bool ok, bool st) { n++, correct += ok, straight += st, straight_wrong += st && !ok; }
  double Rate(int a, int b) const { return b == 0 ? 0 : double(a) / b; }
};

Object::Ptr TallyJson(const Tally& t) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("documents", t.n);
  o->set("accuracy", t.Rate(t.correct, t.n));
  o->set("straight_through_rate", t.Rate(t.straight, t.n));
  o->set("straight_through_error_rate", t.Rate(t.straight_wrong, t.straight));
  return o;
}

// The "fields" truth of a labelled file: its NAME.json beside the image or
// text; empty when there is none or it has no "fields".
Result<std::map<std::string, std::string>> TruthFields(const LabelledFile& f) {
  std::string base = f.text.empty() ? f.image : f.text;
  base = base.substr(0, base.rfind('.')) + ".json";
  std::error_code ec;
  if (!std::filesystem::exists(base, ec)) return std::map<std::string, std::string>{};
  auto json = ReadFile(base);
  if (!json) return Err(json.error());
  return extract::ReadTruthFields(*json, base);
}

Object::Ptr CountsJson(const extract::FieldCounts& c) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("tp", c.tp), o->set("fp", c.fp), o->set("fn", c.fn);
  o->set("precision", c.Precision()), o->set("recall", c.Recall()), o->set("f1", c.F1());
  return o;
}

Object::Ptr FieldsJson(const extract::FieldReport& r, const extract::CustomerTally& t, bool no_directory) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("documents", r.documents);
  Object::Ptr per = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [name, c] : r.per_field) per->set(name, CountsJson(c));
  o->set("per_field", per);
  o->set("all", CountsJson(r.total));
  Object::Ptr m = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  m->set("documents", t.documents);
  m->set("match_rate", no_directory ? Poco::Dynamic::Var() : Poco::Dynamic::Var(t.MatchRate()));
  m->set("wrong_customer_rate", no_directory ? Poco::Dynamic::Var() : Poco::Dynamic::Var(t.WrongRate()));
  o->set("customer_match", m);
  return o;
}

}  // namespace

int EvalCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("eval", args, {{"json", false}, {"text", false}, {"pipeline", true}, {"jobs", true}, {"errors", false},
                    {"reviewed", false}, {"customers", true}},
                   kHelp, flags, code))
    return code;
  if (flags.positional().empty())
    return ReportError("eval", Status::InvalidArgument("give at least one labelled folder (see --help)"));
  auto jobs = flags.GetInt("jobs", 0, 1, 256);
  if (!jobs) return ReportError("eval", jobs.error());
  auto pipeline_path = PipelinePath(flags);
  if (!pipeline_path) return ReportError("eval", pipeline_path.error());
  auto pipeline = LoadPipeline(*pipeline_path);
  if (!pipeline) return ReportError("eval", pipeline.error());
  auto files = LoadLabelledFolders(flags.positional());
  if (!files) return ReportError("eval", files.error());
  const bool customers_given = flags.Has("customers");
  if (files->empty()) return ReportError("eval", Status::InvalidArgument("no labelled files found (NAME.json or manifest.tsv)"));
  std::vector<Customer> customers;
  if (flags.Has("customers")) {
    auto csv = ReadFile(flags.Get("customers"));
    if (!csv) return ReportError("eval", csv.error());
    auto parsed = extract::ParseCustomersCsv(*csv, flags.Get("customers"));
    if (!parsed) return ReportError("eval", parsed.error());
    customers = std::move(*parsed);
  }
  auto docs = ProcessLabelled(*pipeline, *files,
                              {.use_text = flags.Has("text"), .jobs = static_cast<int>(*jobs),
                               .progress = !flags.Has("json"), .customers = std::move(customers)});
  if (!docs) return ReportError("eval", docs.error());

  Tally all;
  std::map<std::string, Tally> by_kind;
  std::map<std::string, std::map<std::string, int>> confusion;  // truth -> predicted -> n
  std::set<std::string> labels;
  std::vector<Outcome> outcomes;
  extract::FieldReport field_report;
  extract::CustomerTally customer_tally;
  Array::Ptr errors = new Array;
  int failed = 0;
  for (size_t i = 0; i < files->size(); ++i) {
    const LabelledFile& f = (*files)[i];
    const Document& d = (*docs)[i];
    const std::string kind = flags.Has("text") && !f.text.empty() ? "text" : f.kind;
    const std::string predicted = d.status == DocStatus::kFailed ? "(failed)" : d.classification.label;
    const bool ok = predicted == f.label, straight = d.status == DocStatus::kDone;
    failed += d.status == DocStatus::kFailed;
    all.Add(ok, straight);
    by_kind[kind].Add(ok, straight);
    confusion[f.label][predicted]++;
    labels.insert(f.label), labels.insert(predicted);
    outcomes.push_back({d.classification.confidence, ok});
    if (auto truth = TruthFields(f); !truth) {
      return ReportError("eval", truth.error());
    } else if (!truth->empty() && d.status != DocStatus::kFailed) {
      extract::ScoreDocument(f.text.empty() ? f.image : f.text, *truth, extract::FieldValues(d.fields),
                             extract::DefaultScoredFields(), field_report);
      extract::ScoreCustomer(*truth, d.fields, customer_tally);
    }
    if (ok && !straight && flags.Has("reviewed") && !flags.Has("json"))
      std::fprintf(stderr, "  reviewed: %s %s %.2f: %s\n", (f.text.empty() ? f.image : f.text).c_str(),
                   f.label.c_str(), d.classification.confidence, d.classification.reason.c_str());
    if (!ok) {
      Object::Ptr e = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
      e->set("file", f.image.empty() || kind == "text" ? f.text : f.image);
      e->set("truth", f.label);
      e->set("predicted", predicted);
      e->set("confidence", d.classification.confidence);
      e->set("status", std::string(DocStatusName(d.status)));
      e->set("reason", d.status == DocStatus::kFailed ? d.error : d.classification.reason);
      errors->add(e);
    }
  }
  const std::vector<ReliabilityBin> bins = Reliability(outcomes);

  Object::Ptr out = TallyJson(all);
  out->set("failed", failed);
  Object::Ptr kinds = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [kind, t] : by_kind) kinds->set(kind, TallyJson(t));
  out->set("by_kind", kinds);
  Object::Ptr classes = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const std::string& c : labels) {
    int tp = confusion[c][c], support = 0, predicted = 0;
    for (const auto& [p, n] : confusion[c]) support += n;
    for (const auto& [t, row] : confusion)
      if (auto it = row.find(c); it != row.end()) predicted += it->second;
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("precision", predicted == 0 ? 0.0 : double(tp) / predicted);
    o->set("recall", support == 0 ? 0.0 : double(tp) / support);
    o->set("support", support);
    o->set("predicted", predicted);
    classes->set(c, o);
  }
  out->set("classes", classes);
  Object::Ptr matrix = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [truth, row] : confusion) {
    Object::Ptr r = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [p, n] : row) r->set(p, n);
    matrix->set(truth, r);
  }
  out->set("confusion", matrix);
  Array::Ptr cal = new Array;
  for (const ReliabilityBin& b : bins) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("low", b.low), o->set("high", b.high), o->set("count", b.count);
    o->set("mean_confidence", b.mean_confidence), o->set("accuracy", b.accuracy);
    cal->add(o);
  }
  Object::Ptr calibration = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  calibration->set("bins", cal);
  calibration->set("ece", ExpectedCalibrationError(bins));
  out->set("calibration", calibration);
  if (field_report.documents)
    out->set("fields", FieldsJson(field_report, customer_tally, !customers_given));
  else
    out->set("fields", Poco::Dynamic::Var());
  out->set("errors", errors);

  if (flags.Has("json")) {
    Poco::JSON::Stringifier::condense(out, std::cout);
    std::cout << "\n";
    return 0;
  }
  std::printf("facteur eval: %d document(s), %s\n", all.n, pipeline_path->c_str());
  std::printf("  accuracy %.4f (%d/%d)%s\n", all.Rate(all.correct, all.n), all.correct, all.n,
              failed ? (", " + std::to_string(failed) + " failed").c_str() : "");
  std::printf("  straight-through %.4f (%d/%d), errors among them %.4f (%d)\n", all.Rate(all.straight, all.n),
              all.straight, all.n, all.Rate(all.straight_wrong, all.straight), all.straight_wrong);
  for (const auto& [kind, t] : by_kind)
    std::printf("  %-6s %4d docs  accuracy %.4f  straight-through %.4f  errors among them %.4f\n", kind.c_str(), t.n,
                t.Rate(t.correct, t.n), t.Rate(t.straight, t.n), t.Rate(t.straight_wrong, t.straight));
  std::printf("\n  %-20s %9s %9s %7s\n", "class", "precision", "recall", "support");
  for (const std::string& c : labels) {
    auto o = classes->getObject(c);
    std::printf("  %-20s %9.4f %9.4f %7d\n", c.c_str(), o->getValue<double>("precision"), o->getValue<double>("recall"),
                o->getValue<int>("support"));
  }
  std::printf("\n  confusion (rows: truth; columns: predicted, in the order above)\n");
  for (const std::string& t : labels) {
    if (!confusion.count(t)) continue;
    std::printf("  %-20s", t.c_str());
    for (const std::string& p : labels) std::printf(" %4d", confusion[t][p]);
    std::printf("\n");
  }
  std::printf("\n  calibration: confidence bin, documents, mean confidence, accuracy (ECE %.4f)\n",
              ExpectedCalibrationError(bins));
  for (const ReliabilityBin& b : bins)
    if (b.count > 0)
      std::printf("  [%.2f, %.2f) %5d  %.4f  %.4f\n", b.low, b.high, b.count, b.mean_confidence, b.accuracy);
  if (field_report.documents == 0) {
    std::printf("\n  fields: no field truth (NAME.json \"fields\") in these folders\n");
  } else {
    std::printf("\n  fields (%d documents with field truth)\n", field_report.documents);
    std::printf("%s", extract::FormatFieldReport(field_report).c_str());
    if (customers_given)
      std::printf("  customer match: %.4f (%d/%d), wrong customer %d\n", customer_tally.MatchRate(),
                  customer_tally.matched, customer_tally.documents, customer_tally.wrong);
    else
      std::printf("  customer match: not measured (give --customers FILE.csv)\n");
  }
  if (flags.Has("errors"))
    for (size_t i = 0; i < errors->size(); ++i) {
      auto e = errors->getObject(i);
      std::printf("  wrong: %s truth %s predicted %s %.2f %s: %s\n", e->getValue<std::string>("file").c_str(),
                  e->getValue<std::string>("truth").c_str(), e->getValue<std::string>("predicted").c_str(),
                  e->getValue<double>("confidence"), e->getValue<std::string>("status").c_str(),
                  e->getValue<std::string>("reason").c_str());
    }
  return 0;
}

}  // namespace facteur
