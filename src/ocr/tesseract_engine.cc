#include "facteur/ocr_engine.h"

#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/renderer.h>
#include <tesseract/resultiterator.h>
#include <leptonica/allheaders.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <memory>
#include <utility>
#include <vector>

#include "ocr/dropped_text.h"
#include "ocr/leptonica_image.h"
#include "ocr/tessdata.h"
#include "output/pdf_assembler.h"

namespace facteur {
namespace {

// Fewest letter-sized marks a dropped region must hold to be read again (a
// short word); fewer are dust, a signature's dots, a stamp's fragments.
constexpr int kMinDroppedMarks = 5;

struct ApiDeleter {
  void operator()(tesseract::TessBaseAPI* api) const {
    api->End();
    delete api;
  }
};
using ApiPtr = std::unique_ptr<tesseract::TessBaseAPI, ApiDeleter>;

// Tesseract hands out text as new[]-allocated C strings.
using TextPtr = std::unique_ptr<char[]>;

// A page's text: its paragraphs in order (each ends with its own newlines).
std::string Joined(const std::vector<Paragraph>& paragraphs) {
  std::string text;
  for (const Paragraph& p : paragraphs) text += p.text;
  return text;
}

class TesseractEngine : public OcrEngine {
 public:
  TesseractEngine(ApiPtr api, OcrOptions options, std::string tessdata_dir)
      : api_(std::move(api)), options_(std::move(options)), tessdata_dir_(std::move(tessdata_dir)) {}

  Result<PageText> Recognize(const Image& image, const std::string& pdf_path) override {
    return RecognizeWithDisplay(image, image, pdf_path);
  }

  Result<PageText> RecognizeWithDisplay(const Image& image, const Image& display,
                                        const std::string& pdf_path) override {
    if (image.empty()) return Err(Status::InvalidArgument("tesseract: empty image"));
    if (display.width() != image.width() || display.height() != image.height()) {
      return Err(Status::InvalidArgument("tesseract: display image is " + std::to_string(display.width()) + "x" +
                                         std::to_string(display.height()) + ", OCR image " +
                                         std::to_string(image.width()) + "x" + std::to_string(image.height())));
    }
    Result<PageText> result;
    try {
      result = RecognizeImpl(image, display, pdf_path);
    } catch (const std::exception& e) {
      result = Err(Status::External(std::string("tesseract: ") + e.what()));
    }
    // Drops the page's results and images now rather than at the next page.
    api_->Clear();
    return result;
  }

 private:
  Result<PageText> RecognizeImpl(const Image& image, const Image& display, const std::string& pdf_path);
  // Runs Recognize under the options' deadline.
  Status RunRecognition();
  // The current reading's words and confidence, and its paragraphs in
  // Tesseract's reading order (text and pictures as GetUTF8Text has them).
  PageText CollectText(std::vector<Paragraph>& paragraphs);
  Status WritePdf(const Image& image, const Image& display, const std::string& pdf_path);
  // Renders the current reading to `pdf_path` (written beside it, renamed).
  Status RenderPdf(const std::string& pdf_path, bool text_only);
  // Reads again, as one block each, the regions of `image` with text the
  // layout dropped, with what was read painted out; adds to `text` and
  // `paragraphs` the readings at least recover_min_confidence sure, and lays
  // their text over the page PDF. On an error nothing is changed.
  Status RecoverDroppedText(const Image& image, const std::string& pdf_path, PageText& text,
                            std::vector<Paragraph>& paragraphs);

  ApiPtr api_;
  const OcrOptions options_;
  const std::string tessdata_dir_;
};

Result<PageText> TesseractEngine::RecognizeImpl(const Image& image, const Image& display,
                                                const std::string& pdf_path) {
  api_->SetImage(image.data(), image.width(), image.height(), image.channels(),
                 static_cast<int>(image.stride()));
  // After SetImage, which resets the thresholder's resolution. With none,
  // Tesseract estimates it from the letters' size, as its CLI does.
  api_->SetSourceResolution(image.dpi_x() > 0 || image.dpi_y() > 0 ? EffectiveDpi(image) : 0);

  Status s = RunRecognition();
  if (!s.ok()) return Err(s);
  std::vector<Paragraph> paragraphs;
  PageText text = CollectText(paragraphs);
  if (!pdf_path.empty()) {
    s = WritePdf(image, display, pdf_path);
    if (!s.ok()) return Err(s);
  }
  // Single lines, words and characters have no layout to drop text from.
  const int psm = options_.psm;
  const bool has_layout = psm != tesseract::PSM_SINGLE_LINE && psm != tesseract::PSM_SINGLE_WORD &&
                          psm != tesseract::PSM_CIRCLE_WORD && psm != tesseract::PSM_SINGLE_CHAR &&
                          psm != tesseract::PSM_RAW_LINE;
  if (options_.recover_dropped_text && has_layout && !text.words.empty()) {
    // A second reading that fails (a timeout, a PDF that cannot be
    // rewritten) leaves the page as the first reading had it: text and PDF
    // unchanged, the page not lost.
    (void)RecoverDroppedText(image, pdf_path, text, paragraphs);
  }
  return text;
}

Status TesseractEngine::RunRecognition() {
  tesseract::ETEXT_DESC monitor;
  if (options_.timeout_seconds > 0) {
    // The deadline is checked between words, so layout analysis of a huge
    // page may still run past it; the cap avoids int32 overflow.
    monitor.set_deadline_msecs(std::min(options_.timeout_seconds, 1000000) * 1000);
  }
  const int rc = api_->Recognize(&monitor);
  if (monitor.deadline_exceeded()) {
    return Status::Cancelled("tesseract: timed out after " + std::to_string(options_.timeout_seconds) + " s");
  }
  if (rc != 0) return Status::External("tesseract: recognition failed");
  return Status::OK();
}

PageText TesseractEngine::CollectText(std::vector<Paragraph>& paragraphs) {
  PageText out;
  std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
  if (!it || it->Empty(tesseract::RIL_WORD)) return out;
  do {
    if (it->Empty(tesseract::RIL_PARA)) continue;
    switch (it->BlockType()) {
      case tesseract::PT_FLOWING_IMAGE:
      case tesseract::PT_HEADING_IMAGE:
      case tesseract::PT_PULLOUT_IMAGE:
      case tesseract::PT_HORZ_LINE:
      case tesseract::PT_VERT_LINE:
        continue;  // as GetUTF8Text: pictures and rules give no text
      default:
        break;
    }
    TextPtr para(it->GetUTF8Text(tesseract::RIL_PARA));
    int left = 0, top = 0, right = 0, bottom = 0;
    it->BoundingBox(tesseract::RIL_PARA, &left, &top, &right, &bottom);
    if (para) paragraphs.push_back(Paragraph{.top = top, .left = left, .right = right, .text = para.get()});
  } while (it->Next(tesseract::RIL_PARA));
  it->Begin();
  do {
    TextPtr word(it->GetUTF8Text(tesseract::RIL_WORD));
    int left = 0, top = 0, right = 0, bottom = 0;
    if (!word || !it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom)) continue;
    out.words.push_back(WordBox{.text = word.get(),
                                .x = left,
                                .y = top,
                                .w = right - left,
                                .h = bottom - top,
                                .confidence = it->Confidence(tesseract::RIL_WORD)});
  } while (it->Next(tesseract::RIL_WORD));
  out.text = Joined(paragraphs);
  out.mean_confidence = out.words.empty() ? -1.0f : static_cast<float>(api_->MeanTextConf());
  return out;
}

Status TesseractEngine::RecoverDroppedText(const Image& image, const std::string& pdf_path, PageText& text,
                                           std::vector<Paragraph>& paragraphs) {
  PixPtr binary(api_->GetThresholdedImage());
  const std::vector<DroppedRegion> regions = FindDroppedText(binary.get(), text.words, kMinDroppedMarks);
  if (regions.empty()) return Status::OK();
  // Paint out what was read, so that a region's reading holds only the
  // dropped text (no word twice in the text or the PDF).
  Result<PixPtr> masked = ImageToPix(image);
  if (!masked) return masked.error();
  for (const WordBox& w : text.words) {
    BOX* box = boxCreate(w.x, w.y, w.w, w.h);
    pixSetInRect(masked->get(), box);  // white for 8 and 32 bpp
    boxDestroy(&box);
  }
  const int dpi = api_->GetSourceYResolution();
  api_->SetImage(masked->get());
  api_->SetSourceResolution(dpi);
  api_->SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
  std::vector<std::string> overlays;
  std::vector<PageText> parts;
  std::vector<std::vector<Paragraph>> part_paragraphs;
  Status s;
  for (const DroppedRegion& r : regions) {
    api_->SetRectangle(r.x, r.y, r.w, r.h);
    s = RunRecognition();
    if (!s.ok()) break;
    std::vector<Paragraph> found;
    PageText part = CollectText(found);
    if (part.words.empty() || part.mean_confidence < static_cast<float>(options_.recover_min_confidence)) continue;
    if (!pdf_path.empty()) {
      const std::string overlay = pdf_path + ".r" + std::to_string(overlays.size() + 1) + ".pdf";
      s = RenderPdf(overlay, /*text_only=*/true);
      if (!s.ok()) break;
      overlays.push_back(overlay);
    }
    parts.push_back(std::move(part));
    part_paragraphs.push_back(std::move(found));
  }
  api_->SetPageSegMode(static_cast<tesseract::PageSegMode>(options_.psm));
  if (s.ok() && !overlays.empty()) s = OverlayPdfPage(pdf_path, overlays);
  for (const std::string& overlay : overlays) std::remove(overlay.c_str());
  // The text and the PDF change together or not at all.
  if (!s.ok() || parts.empty()) return s;
  double confidence_sum = static_cast<double>(text.mean_confidence) * static_cast<double>(text.words.size());
  for (size_t i = 0; i < parts.size(); ++i) {
    confidence_sum += static_cast<double>(parts[i].mean_confidence) * static_cast<double>(parts[i].words.size());
    text.words.insert(text.words.end(), parts[i].words.begin(), parts[i].words.end());
    InsertInReadingOrder(paragraphs, std::move(part_paragraphs[i]));
  }
  text.text = Joined(paragraphs);
  text.mean_confidence = static_cast<float>(confidence_sum / static_cast<double>(text.words.size()));
  text.recovered_blocks = static_cast<int>(parts.size());
  return Status::OK();
}

Status TesseractEngine::WritePdf(const Image& image, const Image& display, const std::string& pdf_path) {
  // The renderer embeds GetInputImage(), which SetImage made from the OCR
  // copy; replace it with the display image (same size, so the text layer
  // stays aligned). At 1 bpp Leptonica encodes it as CCITT G4 (a few tens of
  // KB a page) instead of an 8-bit JPEG.
  if (IsBilevel(display)) {
    Result<PixPtr> pix1 = ImageToPix1(display);
    if (!pix1) return pix1.error().WithContext(pdf_path);
    api_->SetInputImage(pix1.value().release());  // takes ownership
  } else if (&display != &image) {
    Result<PixPtr> pix = ImageToPix(display);
    if (!pix) return pix.error().WithContext(pdf_path);
    api_->SetInputImage(pix.value().release());
  }
  return RenderPdf(pdf_path, /*text_only=*/false);
}

Status TesseractEngine::RenderPdf(const std::string& pdf_path, bool text_only) {
  // The renderer writes "<base>.pdf"; write beside the target, then rename,
  // so a reader never sees half a PDF.
  const std::string base = pdf_path + ".tmp";
  const std::string tmp = base + ".pdf";
  bool ok = false;
  {
    tesseract::TessPDFRenderer renderer(base.c_str(), tessdata_dir_.c_str(), text_only);
    ok = renderer.happy() && renderer.BeginDocument("") && renderer.AddImage(api_.get()) &&
         renderer.EndDocument();
  }  // the destructor closes the file
  if (!ok) {
    std::remove(tmp.c_str());
    return Status::External(pdf_path + ": tesseract could not write the PDF (needs " + tessdata_dir_ +
                            "/pdf.ttf and a writable folder)");
  }
  if (std::rename(tmp.c_str(), pdf_path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IOError(pdf_path + ": cannot rename " + tmp);
  }
  return Status::OK();
}

}  // namespace

Result<std::unique_ptr<OcrEngine>> NewTesseractEngine(const OcrOptions& options) {
  Status s = CheckLanguages(options);
  if (!s.ok()) return Err(s);
  // 0 (orientation only) and 2 (layout only) give no text.
  if (options.psm < 1 || options.psm == tesseract::PSM_AUTO_ONLY || options.psm >= tesseract::PSM_COUNT) {
    return Err(Status::InvalidArgument("tesseract: page segmentation mode " + std::to_string(options.psm) +
                                       " gives no text (use 1 or 3..13)"));
  }
  const std::string dir = ResolveTessdataDir(options);
  try {
    ApiPtr api(new tesseract::TessBaseAPI);
    // Set at Init so that loading messages go to /dev/null too.
    const std::vector<std::string> names = {"debug_file"};
    const std::vector<std::string> values = {"/dev/null"};
    if (api->Init(dir.c_str(), options.languages.c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0, &names,
                  &values, false) != 0) {
      return Err(Status::External("tesseract: cannot load '" + options.languages + "' from " + dir));
    }
    api->SetPageSegMode(static_cast<tesseract::PageSegMode>(options.psm));
    return std::unique_ptr<OcrEngine>(new TesseractEngine(std::move(api), options, dir));
  } catch (const std::exception& e) {
    return Err(Status::External(std::string("tesseract: ") + e.what()));
  }
}

}  // namespace facteur
