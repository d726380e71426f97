#include "extract/field_extractor.h"

#include "extract/amounts.h"
#include "extract/contact.h"
#include "extract/dates.h"
#include "extract/iban.h"
#include "extract/letter_parts.h"
#include "extract/text_scan.h"

namespace facteur::extract {
namespace {

void Keep(std::map<std::string, PageFound>& out, const std::string& name, const MaybeFound& f, int page) {
  if (!f || f->value.empty()) return;
  auto it = out.find(name);
  if (it == out.end() || f->confidence > it->second.found.confidence) out[name] = PageFound{*f, page};
}

template <typename T>
Status Take(Result<T> r, T& out) {
  if (!r) return r.error();
  out = std::move(*r);
  return Status::OK();
}

#define EXTRACT_TRY(expr)                                   \
  do {                                                      \
    Status extract_status_ = (expr);                        \
    if (!extract_status_.ok()) return Err(extract_status_); \
  } while (0)

}  // namespace

Result<ExtractConfig> ParseExtractConfig(const Settings& s) {
  for (const std::string& key : s.Keys())
    if (key != "ids" && key != "min_confidence")
      return Err(s.Error("extract.fields: unknown setting '" + key + "'"));
  ExtractConfig config;
  EXTRACT_TRY(Take(s.Double("min_confidence", 0.4), config.min_confidence));
  if (config.min_confidence < 0 || config.min_confidence > 1)
    return Err(s.Error("extract.fields: min_confidence must be between 0 and 1"));
  std::vector<Settings> items;
  EXTRACT_TRY(Take(s.Items("ids"), items));
  for (const Settings& item : items) {
    for (const std::string& key : item.Keys())
      if (key != "field" && key != "labels" && key != "pattern" && key != "bare")
        return Err(item.Error("extract.fields: ids: unknown setting '" + key + "'"));
    IdRule rule;
    EXTRACT_TRY(Take(item.String("field", ""), rule.field));
    EXTRACT_TRY(Take(item.StringList("labels"), rule.labels));
    EXTRACT_TRY(Take(item.String("pattern", ""), rule.pattern));
    EXTRACT_TRY(Take(item.Bool("bare", true), rule.bare));
    if (rule.field.empty() || rule.pattern.empty())
      return Err(item.Error("extract.fields: ids: each id needs `field` and `pattern`"));
    config.ids.push_back(std::move(rule));
  }
  auto check = IdFinder::Make(config.ids);
  if (!check) return Err(s.Error(check.error().message()));
  return config;
}

Result<FieldExtractor> FieldExtractor::Make(ExtractConfig config) {
  auto ids = IdFinder::Make(config.ids);
  if (!ids) return Err(ids.error());
  return FieldExtractor(std::move(config), std::move(*ids));
}

std::map<std::string, PageFound> FieldExtractor::Extract(const std::vector<std::string>& pages) const {
  std::map<std::string, PageFound> out;
  for (size_t p = 0; p < pages.size(); ++p) {
    const int page = static_cast<int>(p);
    const std::vector<std::string> lines = CleanLines(pages[p]);
    const int header = FaxHeaderLine(lines);
    int block_end = -1;
    if (p == 0) {
      Keep(out, "fax_sender", FindFaxSender(lines), page);
      SenderBlock block = FindSenderBlock(lines, header);
      Keep(out, "sender_name", block.name, page);
      Keep(out, "sender_address", block.address, page);
      Keep(out, "postcode", block.postcode, page);
      Keep(out, "recipient", block.recipient, page);
      // The block and the line after it (its phone), past OCR's blank lines.
      block_end = block.end_line + 1;
      while (block_end >= 1 && block_end < static_cast<int>(lines.size()) && lines[block_end].empty()) ++block_end;
      if (block_end >= 1) ++block_end;
    }
    for (size_t i = 0; i < ids_.rules().size(); ++i)
      Keep(out, ids_.rules()[i].field, ids_.Find(i, lines), page);
    Keep(out, "iban", FindIban(lines), page);
    Keep(out, "bic", FindBic(lines), page);
    Keep(out, "amount", FindAmount(lines), page);
    Keep(out, "date", FindLetterDate(lines, header), page);
    Keep(out, "email", FindEmail(lines), page);
    Keep(out, "phone", FindPhone(lines, block_end), page);
    Keep(out, "subject", FindSubject(lines), page);
  }
  for (auto it = out.begin(); it != out.end();)
    it = it->second.found.confidence < config_.min_confidence ? out.erase(it) : std::next(it);
  return out;
}

}  // namespace facteur::extract
