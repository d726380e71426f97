// The "extract.fields" stage: reads the fields of src/extract from the pages'
// OCR text into Document::fields, each with its page and, when its words can
// be found among the page's OCR word boxes, its box.
#include <cstdio>

#include "core/clock.h"
#include "core/stage_registry.h"
#include "extract/field_extractor.h"
#include "extract/match_stage.h"
#include "extract/word_locate.h"

namespace facteur {
namespace {

class ExtractStage : public DocumentStage {
 public:
  explicit ExtractStage(extract::FieldExtractor extractor) : extractor_(std::move(extractor)) {}

  std::string_view Name() const override { return "extract.fields"; }
  bool AppliesTo(const Document& doc) const override { return doc.status != DocStatus::kFailed; }

  // Re-running replaces the fields this stage writes and leaves others alone.
  Status Run(Document& doc, RunContext&) override {
    std::vector<std::string> texts;
    for (const Page& p : doc.pages) texts.push_back(p.text.text);
    auto found = extractor_.Extract(texts);
    std::string names;
    for (const auto& [name, pf] : found) {
      Field field{.value = pf.found.value, .confidence = pf.found.confidence, .page = pf.page};
      if (pf.page < static_cast<int>(doc.pages.size()))
        field.box = extract::LocateWords(doc.pages[pf.page].text.words, pf.found.raw);
      doc.fields[name] = std::move(field);
      names += (names.empty() ? "" : ", ") + name;
    }
    doc.events.push_back(
        Event{NowIso8601(), "extract.fields",
              std::to_string(found.size()) + " fields" + (names.empty() ? "" : ": " + names)});
    return Status::OK();
  }

 private:
  const extract::FieldExtractor extractor_;
};

Result<std::unique_ptr<Stage>> NewExtractStage(const Settings& s) {
  auto config = extract::ParseExtractConfig(s);
  if (!config) return Err(config.error());
  auto extractor = extract::FieldExtractor::Make(std::move(*config));
  if (!extractor) return Err(s.Error(extractor.error().message()));
  return std::unique_ptr<Stage>(new ExtractStage(std::move(*extractor)));
}

}  // namespace

void RegisterExtractStages(StageRegistry& registry) {
  registry.Add("extract.fields",
               "ids (labels and patterns from the pipeline file), IBAN/BIC, amount, date, contacts, sender "
               "block, subject, fax sender -> fields with confidence, page and box",
               NewExtractStage);
  registry.Add("match.customer",
               "customer directory (facteur customers import) -> `customer` field: by id, contract or "
               "name+postcode, with a score",
               NewMatchCustomerStage);
}

}  // namespace facteur
