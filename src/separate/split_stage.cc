// separate.split: cuts a document into one document per letter.
#include <algorithm>
#include <cstdio>

#include "core/clock.h"
#include "separate/first_page.h"
#include "separate/separate_stages.h"

namespace facteur::separate {
namespace {

// One letter of the stack: positions in doc.pages, and what went wrong.
struct Part {
  std::vector<size_t> pages;
  std::vector<std::string> problems;
  double confidence = 1;  // of the split decisions that made it (first-page detection)
  std::string doubt;      // the least sure of them, for the event log
  void Doubt(double c, const std::string& why) {
    if (c >= confidence) return;
    confidence = c;
    doubt = why;
  }
};

std::string PageName(const Page& page) { return "page " + std::to_string(page.source_index + 1); }

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// "1-3,5" (1-based page numbers of the original).
std::string PageList(const std::vector<Page>& pages) {
  std::string out;
  for (size_t i = 0; i < pages.size();) {
    size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1].source_index == pages[j].source_index + 1) ++j;
    if (!out.empty()) out += ",";
    out += std::to_string(pages[i].source_index + 1);
    if (j > i) out += "-" + std::to_string(pages[j].source_index + 1);
    i = j + 1;
  }
  return out;
}

class SplitStage : public DocumentStage {
 public:
  explicit SplitStage(SplitOptions options) : options_(std::move(options)) {}
  std::string_view Name() const override { return "separate.split"; }
  Status Run(Document& doc, RunContext& ctx) override;

 private:
  // Whether blank pages dropped between source pages `before` and `after`
  // make a separator sheet.
  bool BlankSheetBetween(int before, int after) const {
    if (!options_.blank_separates || before < 0 || after - before < 2) return false;
    if (!options_.duplex) return true;
    for (int p = before + 1; p + 1 < after; ++p)
      if (p % 2 == 0) return true;  // a whole sheet: front (even) and back blank
    return false;
  }
  bool StartsDocument(const Page& page) const {
    for (const std::string& code : page.barcodes)
      for (const std::string& prefix : options_.split_before)
        if (StartsWith(code, prefix)) return true;
    return false;
  }
  std::vector<Part> Plan(Document& doc, int* separators);
  void Shape(Document& part, Part& plan, int number, int count) const;

  const SplitOptions options_;
};

std::vector<Part> SplitStage::Plan(Document& doc, int* separators) {
  std::vector<Part> parts(1);
  // A cut asked for waits for a page that may start a document: in duplex,
  // not the back of a front already in the part.
  bool pending = false;
  auto ask = [&] { pending = pending || !parts.back().pages.empty(); };
  int previous = -1, separator_front = -2;
  const Page* last_kept = nullptr;
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    const Page& page = doc.pages[i];
    const bool back = options_.duplex && page.source_index % 2 == 1;
    if (BlankSheetBetween(previous, page.source_index)) ask();
    const bool follows_front = back && previous == page.source_index - 1;
    previous = page.source_index;
    if (back && page.source_index - 1 == separator_front) {
      doc.events.push_back(Event{NowIso8601(), "separate", PageName(page) + ": back of the separator sheet, dropped"});
      continue;
    }
    if (!page.separator.empty()) {
      ++*separators;
      separator_front = page.source_index;
      doc.events.push_back(Event{NowIso8601(), "separate", PageName(page) + ": separator sheet " + page.separator});
      ask();
      continue;
    }
    if (StartsDocument(page)) ask();
    if (options_.every > 0 && static_cast<int>(parts.back().pages.size()) >= options_.every) ask();
    const bool may_start = !parts.back().pages.empty() && !follows_front;
    if (options_.first_page && may_start && !pending) {
      FirstPageScore score = ScoreFirstPage(page, last_kept);
      if (score.score >= options_.first_page_threshold) {
        parts.emplace_back();
        parts.back().Doubt(score.score, PageName(page) + " starts a letter: first-page score " + DescribeScore(score));
      } else {
        parts.back().Doubt(1 - score.score,
                           PageName(page) + " continues the letter: first-page score " + DescribeScore(score));
      }
    }
    if (pending && !follows_front) {
      parts.emplace_back();
      pending = false;
    }
    if (!page.separator_problem.empty())
      parts.back().problems.push_back(PageName(page) + " of the original: unreadable separator? " + page.separator_problem);
    parts.back().pages.push_back(i);
    last_kept = &page;
  }
  if (parts.back().pages.empty()) parts.pop_back();
  return parts;
}

Status SplitStage::Run(Document& doc, RunContext& ctx) {
  int separators = 0;
  std::vector<Part> parts = Plan(doc, &separators);
  if (parts.empty()) {  // nothing but separator sheets: keep them, ask a person
    doc.status = DocStatus::kReview;
    doc.events.push_back(Event{NowIso8601(), "separate", "every page is a separator sheet"});
    return Status::OK();
  }
  const bool had_quality_review =
      doc.status == DocStatus::kReview &&
      std::any_of(doc.pages.begin(), doc.pages.end(), [](const Page& p) { return !p.quality_flags.empty(); });
  std::vector<Page> all = std::move(doc.pages);
  const Document header = doc.WithoutPages();
  const int count = static_cast<int>(parts.size());
  std::vector<Document> emitted;
  for (int k = 0; k < count; ++k) {
    Document part = k == 0 ? std::move(doc) : header.WithoutPages();
    part.pages.clear();
    for (size_t index : parts[k].pages) part.pages.push_back(std::move(all[index]));
    // The review the runner set for a quality flag belongs to the part holding that page.
    if (had_quality_review) {
      bool flagged = std::any_of(part.pages.begin(), part.pages.end(), [](const Page& p) { return !p.quality_flags.empty(); });
      part.status = flagged ? DocStatus::kReview : DocStatus::kDone;
    }
    if (k > 0) part.id = header.id + "-" + std::to_string(k + 1);
    Shape(part, parts[k], k + 1, count);
    if (k == 0) {
      doc = std::move(part);
    } else {
      emitted.push_back(std::move(part));
    }
  }
  for (Document& part : emitted) ctx.Emit(std::move(part));
  return Status::OK();
}

// Re-indexes the part's pages and records where it came from.
void SplitStage::Shape(Document& part, Part& plan, int number, int count) const {
  for (size_t i = 0; i < part.pages.size(); ++i) part.pages[i].index = static_cast<int>(i);
  part.source.first_page = part.pages.front().source_index;
  part.source.last_page = part.pages.back().source_index;
  part.pdf_path.clear();  // output.pdf, after this stage, writes the part's own
  // The batch manifest: which input, which pages.
  part.source.context["batch.input"] = part.source.path;
  part.source.context["batch.pages"] = PageList(part.pages);
  part.source.context["batch.part"] = std::to_string(number) + "/" + std::to_string(count);
  if (count > 1)
    part.events.push_back(Event{NowIso8601(), "separate",
                                "part " + std::to_string(number) + " of " + std::to_string(count) + ": pages " +
                                    PageList(part.pages) + " of " + part.source.path});
  if (options_.first_page) {
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", plan.confidence);
    part.source.context["batch.split_confidence"] = confidence;
    if (plan.confidence < options_.review_below) {
      part.status = DocStatus::kReview;
      part.events.push_back(Event{NowIso8601(), "separate",
                                  std::string("doubtful split (confidence ") + confidence + "): " + plan.doubt});
    }
  }
  for (const std::string& problem : plan.problems) {
    part.events.push_back(Event{NowIso8601(), "separate", problem});
    part.status = DocStatus::kReview;
  }
  if (!options_.id_prefix.empty()) {
    for (const std::string& code : part.pages.front().barcodes) {
      if (!StartsWith(code, options_.id_prefix) || code.size() == options_.id_prefix.size()) continue;
      part.fields[options_.id_field] = Field{.value = code.substr(options_.id_prefix.size()), .confidence = 1.0, .page = 0};
      break;
    }
  }
}

}  // namespace

Result<SplitOptions> ReadSplitOptions(const Settings& settings) {
  SplitOptions options;
  auto blank = settings.Bool("blank_separates", options.blank_separates);
  if (!blank) return Err(blank.error());
  auto duplex = settings.Bool("duplex", options.duplex);
  if (!duplex) return Err(duplex.error());
  auto every = settings.Int("every", options.every);
  if (!every) return Err(every.error());
  if (*every < 0) return Err(settings.Error("every: must be >= 0"));
  auto before = settings.StringList("split_before");
  if (!before) return Err(before.error());
  auto prefix = settings.String("id_prefix", options.id_prefix);
  if (!prefix) return Err(prefix.error());
  auto field = settings.String("id_field", options.id_field);
  if (!field) return Err(field.error());
  if (field->empty()) return Err(settings.Error("id_field: must not be empty"));
  options.blank_separates = *blank;
  options.duplex = *duplex;
  options.every = static_cast<int>(*every);
  options.split_before = *before;
  options.id_prefix = *prefix;
  options.id_field = *field;
  auto first = settings.Child("first_page");
  if (!first) return Err(first.error());
  auto enabled = first->Bool("enabled", options.first_page);
  auto threshold = first->Double("threshold", options.first_page_threshold);
  auto review = first->Double("review_below", options.review_below);
  for (const Status* st : {enabled ? nullptr : &enabled.error(), threshold ? nullptr : &threshold.error(),
                           review ? nullptr : &review.error()})
    if (st) return Err(*st);
  if (*threshold <= 0 || *threshold >= 1) return Err(first->Error("first_page.threshold: must be between 0 and 1"));
  if (*review < 0 || *review > 1) return Err(first->Error("first_page.review_below: must be between 0 and 1"));
  options.first_page = *enabled;
  options.first_page_threshold = *threshold;
  options.review_below = *review;
  return options;
}

std::unique_ptr<DocumentStage> NewSplitStage(SplitOptions options) {
  return std::make_unique<SplitStage>(std::move(options));
}

}  // namespace facteur::separate
