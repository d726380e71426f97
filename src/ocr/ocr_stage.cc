#include "ocr/ocr_stage.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <utility>

#include "core/stage_registry.h"
#include "ocr/leptonica_image.h"
#include "ocr/tessdata.h"

namespace facteur {
namespace {

constexpr const char kStageName[] = "ocr.tesseract";

std::string Where(const Document& doc, const Page& page) {
  return doc.source.path + " page " + std::to_string(page.index + 1);
}

// Whether the engine should measure the page's resolution from the size of
// its letters (as the tesseract CLI does) rather than be told the import's
// fallback: the file stated none, and at the fallback the page would be
// narrower than an A5 sheet (148 mm) -- a photo or thumbnail of a letter,
// not a scan. A full-size scan keeps the fallback, which Tesseract's guess
// on faint carbon copies only made worse (tools/bench-ocr).
bool MeasuresDpi(const Page& page, const Image& input) {
  if (!page.dpi_assumed || input.dpi_x() <= 0) return false;
  const double short_side_mm = std::min(input.width(), input.height()) / input.dpi_x() * 25.4;
  return short_side_mm < 148;
}

class OcrWorker : public PageWorker {
 public:
  OcrWorker(std::unique_ptr<OcrEngine> engine, bool write_pdf)
      : engine_(std::move(engine)), write_pdf_(write_pdf) {}

  Status Run(Page& page, const Document& doc, const std::string& work_dir) override {
    if (page.has_text_layer) {
      // The original PDF page already has text; output.pdf copies it as is.
      page.notes.push_back("ocr: kept the PDF's own text layer");
      return Status::OK();
    }
    if (page.image.empty()) return Status::InvalidArgument(Where(doc, page) + ": ocr: no image");
    // The engine reads the dpi from the image; the importer may have put it
    // on the page only.
    if (page.image.dpi_y() <= 0 && page.dpi > 0) page.image.set_dpi(page.dpi, page.dpi);
    const std::string pdf = write_pdf_ ? work_dir + "/" + PagePdfName(page.index) : std::string();
    page.pdf_path.clear();
    if (page.blank) {
      // Usually dropped from the document by the runner, so reading it is
      // wasted time; but a document of blank pages only keeps them, and
      // they must still appear in its PDF.
      page.notes.push_back("ocr: skipped, blank page");
      WriteImageOnlyPdf(page, pdf);
      return Status::OK();
    }
    // A cleanup step may have made an enhanced copy (same geometry): OCR
    // reads it, the page PDF shows the display image.
    if (!page.ocr_image.empty() && page.ocr_image.dpi_y() <= 0) {
      page.ocr_image.set_dpi(page.image.dpi_x(), page.image.dpi_y());
    }
    Image& input = page.ocr_image.empty() ? page.image : page.ocr_image;
    const double dpi_x = input.dpi_x(), dpi_y = input.dpi_y();
    const bool measure = MeasuresDpi(page, input);
    if (measure) {
      input.set_dpi(0, 0);
      page.notes.push_back("ocr: no resolution in the file, and too small a page at the fallback: measured from the letters");
    }
    Result<PageText> text = page.ocr_image.empty() ? engine_->Recognize(page.image, pdf)
                                                   : engine_->RecognizeWithDisplay(page.ocr_image, page.image, pdf);
    if (measure) input.set_dpi(dpi_x, dpi_y);
    if (text.has_value()) {
      page.text = std::move(text.value());
      page.ocr_failed = false;
      page.pdf_path = pdf;
      char note[96];
      std::snprintf(note, sizeof note, "ocr: %zu words, mean confidence %.0f", page.text.words.size(),
                    page.text.mean_confidence);
      page.notes.push_back(note);
      if (page.text.recovered_blocks > 0) {
        std::snprintf(note, sizeof note, "ocr: %d region(s) of text the page layout had dropped, read again",
                      page.text.recovered_blocks);
        page.notes.push_back(note);
      }
      return Status::OK();
    }
    // A page-level failure: flag it and go on with the document.
    page.text = PageText{};
    page.ocr_failed = true;
    page.notes.push_back("ocr: failed: " + text.error().ToString());
    WriteImageOnlyPdf(page, pdf);  // the page must still appear in the document's PDF
    return Status::OK();
  }

 private:
  // The page's image as a PDF page without text, when page PDFs are wanted.
  void WriteImageOnlyPdf(Page& page, const std::string& pdf) const {
    if (!write_pdf_) return;
    Status s = WriteImagePdf(page.image, pdf);
    if (s.ok()) {
      page.pdf_path = pdf;
    } else {
      page.notes.push_back("ocr: no page PDF: " + s.ToString());
    }
  }

  std::unique_ptr<OcrEngine> engine_;
  const bool write_pdf_;
};

class OcrStage : public PageStage {
 public:
  OcrStage(OcrStageOptions options, OcrEngineFactory factory)
      : options_(std::move(options)), factory_(std::move(factory)) {}

  std::string_view Name() const override { return kStageName; }
  std::map<std::string, std::string> Provenance() const override { return TesseractProvenance(options_.ocr); }

  Result<std::unique_ptr<PageWorker>> NewWorker() const override {
    Result<std::unique_ptr<OcrEngine>> engine = factory_(options_.ocr);
    if (!engine) return Err(engine.error().WithContext(kStageName));
    return std::unique_ptr<PageWorker>(new OcrWorker(std::move(engine.value()), options_.write_pdf));
  }

 private:
  const OcrStageOptions options_;
  const OcrEngineFactory factory_;
};

}  // namespace

std::string PagePdfName(int page_index) {
  char name[32];
  std::snprintf(name, sizeof name, "p%04d.pdf", page_index + 1);
  return name;
}

Result<OcrStageOptions> ParseOcrStageSettings(const Settings& settings) {
  static const std::set<std::string> kKnown = {"languages",    "psm",
                                               "timeout",      "pdf",
                                               "tessdata_dir", "recover_dropped_text",
                                               "recover_min_confidence"};
  if (!settings.IsMap() && !settings.Scalar().empty())
    return Err(settings.Error(std::string(kStageName) + ": expected a map of settings"));
  for (const std::string& key : settings.Keys()) {
    if (kKnown.count(key) == 0)
      return Err(settings.Error(std::string(kStageName) + ": unknown setting '" + key + "'"));
  }
  OcrStageOptions out;
  auto languages = settings.StringList("languages");
  if (!languages) return Err(languages.error());
  if (!languages->empty()) {
    out.ocr.languages.clear();
    for (const std::string& lang : *languages)
      out.ocr.languages += (out.ocr.languages.empty() ? "" : "+") + lang;
  }
  auto psm = settings.Int("psm", out.ocr.psm);
  if (!psm) return Err(psm.error());
  if (*psm < 1 || *psm == 2 || *psm > 13)
    return Err(settings.Error(std::string(kStageName) + ": psm: " + std::to_string(*psm) +
                              " gives no text (use 1 or 3..13)"));
  out.ocr.psm = static_cast<int>(*psm);
  auto timeout = settings.Double("timeout", out.ocr.timeout_seconds);
  if (!timeout) return Err(timeout.error());
  if (!(*timeout >= 0) || *timeout > 86400)
    return Err(settings.Error(std::string(kStageName) + ": timeout: expected 0..86400 seconds"));
  // Tesseract's deadline is whole milliseconds; round sub-second values up.
  out.ocr.timeout_seconds = static_cast<int>(std::ceil(*timeout));
  auto pdf = settings.Bool("pdf", out.write_pdf);
  if (!pdf) return Err(pdf.error());
  out.write_pdf = *pdf;
  auto tessdata = settings.String("tessdata_dir", out.ocr.tessdata_dir);
  if (!tessdata) return Err(tessdata.error());
  out.ocr.tessdata_dir = *tessdata;
  auto recover = settings.Bool("recover_dropped_text", out.ocr.recover_dropped_text);
  if (!recover) return Err(recover.error());
  out.ocr.recover_dropped_text = *recover;
  auto min_confidence = settings.Int("recover_min_confidence", out.ocr.recover_min_confidence);
  if (!min_confidence) return Err(min_confidence.error());
  if (*min_confidence < 0 || *min_confidence > 100)
    return Err(settings.Error(std::string(kStageName) + ": recover_min_confidence: expected 0..100"));
  out.ocr.recover_min_confidence = static_cast<int>(*min_confidence);
  return out;
}

std::unique_ptr<PageStage> NewOcrStage(OcrStageOptions options, OcrEngineFactory factory) {
  return std::make_unique<OcrStage>(std::move(options), std::move(factory));
}

void RegisterOcrStages(StageRegistry& registry) {
  registry.Add(kStageName, "Tesseract OCR: page text, word boxes and a searchable page PDF",
               [](const Settings& settings) -> Result<std::unique_ptr<Stage>> {
                 auto options = ParseOcrStageSettings(settings);
                 if (!options) return Err(options.error());
                 // Report a missing language when the pipeline is loaded,
                 // not on the first page.
                 Status s = CheckLanguages(options->ocr);
                 if (!s.ok()) return Err(settings.Error(std::string(kStageName) + ": " + s.message()));
                 return std::unique_ptr<Stage>(NewOcrStage(std::move(*options)));
               });
}

}  // namespace facteur
