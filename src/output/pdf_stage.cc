#include "output/pdf_stage.h"

#include <string>

#include "core/stage_registry.h"

namespace facteur {
namespace {

constexpr const char kStageName[] = "output.pdf";

class PdfStage : public DocumentStage {
 public:
  std::string_view Name() const override { return kStageName; }

  bool AppliesTo(const Document& doc) const override { return !doc.pages.empty(); }

  Status Run(Document& doc, RunContext& ctx) override {
    Result<std::vector<PdfPageRef>> pages = PdfPagesOf(doc);
    if (!pages) return pages.error();
    const std::string out = ctx.WorkDir() + "/document.pdf";
    Status s = AssemblePdf(*pages, out);
    if (!s.ok()) return s.WithContext(doc.source.path + ": output.pdf");
    doc.pdf_path = out;
    return Status::OK();
  }
};

}  // namespace

Result<std::vector<PdfPageRef>> PdfPagesOf(const Document& doc) {
  std::vector<PdfPageRef> refs;
  refs.reserve(doc.pages.size());
  for (const Page& page : doc.pages) {
    if (!page.pdf_path.empty()) {
      refs.push_back(PdfPageRef{page.pdf_path, 0});
    } else if (page.has_text_layer && !doc.source.path.empty()) {
      refs.push_back(PdfPageRef{doc.source.path, page.source_index});
    } else {
      return Err(
          Status::NotFound(doc.source.path + " page " + std::to_string(page.index + 1) +
                           ": output.pdf: the page has no PDF (run ocr.tesseract with pdf: true first)"));
    }
  }
  return refs;
}

std::unique_ptr<DocumentStage> NewPdfStage() { return std::make_unique<PdfStage>(); }

Result<std::unique_ptr<Stage>> MakePdfStage(const Settings& settings) {
  const std::vector<std::string> keys = settings.Keys();
  if (!keys.empty())
    return Err(settings.Error(std::string(kStageName) + ": unknown setting '" + keys.front() + "'"));
  if (!settings.IsMap() && !settings.Scalar().empty())
    return Err(settings.Error(std::string(kStageName) + ": expected a map of settings"));
  return std::unique_ptr<Stage>(NewPdfStage());
}

void RegisterOutputStages(StageRegistry& registry) {
  registry.Add(kStageName, "merge the page PDFs into the document's searchable PDF", MakePdfStage);
}

}  // namespace facteur
