#include "ocr/tesseract_engine.h"

#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/renderer.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

#include "core/hash.h"
#include "ocr/leptonica_image.h"

namespace facteur {
namespace {

namespace fs = std::filesystem;

// Where Debian's libtesseract5 looks when nothing else is said.
constexpr const char kDebianTessdata[] = "/usr/share/tesseract-ocr/5/tessdata";

struct ApiDeleter {
  void operator()(tesseract::TessBaseAPI* api) const {
    api->End();
    delete api;
  }
};
using ApiPtr = std::unique_ptr<tesseract::TessBaseAPI, ApiDeleter>;

// Tesseract hands out text as new[]-allocated C strings.
using TextPtr = std::unique_ptr<char[]>;

std::string TrimSlash(std::string dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

bool ValidLanguageName(const std::string& lang) {
  if (lang.empty()) return false;
  return std::all_of(lang.begin(), lang.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
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
  PageText CollectText();
  Status WritePdf(const Image& image, const Image& display, const std::string& pdf_path);

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

  tesseract::ETEXT_DESC monitor;
  if (options_.timeout_seconds > 0) {
    // The deadline is checked between words, so layout analysis of a huge
    // page may still run past it; the cap avoids int32 overflow.
    monitor.set_deadline_msecs(std::min(options_.timeout_seconds, 1000000) * 1000);
  }
  const int rc = api_->Recognize(&monitor);
  if (monitor.deadline_exceeded()) {
    return Err(
        Status::Cancelled("tesseract: timed out after " + std::to_string(options_.timeout_seconds) + " s"));
  }
  if (rc != 0) return Err(Status::External("tesseract: recognition failed"));

  PageText text = CollectText();
  if (!pdf_path.empty()) {
    Status s = WritePdf(image, display, pdf_path);
    if (!s.ok()) return Err(s);
  }
  return text;
}

PageText TesseractEngine::CollectText() {
  PageText out;
  TextPtr all(api_->GetUTF8Text());
  if (all) out.text = all.get();
  std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
  if (it && !it->Empty(tesseract::RIL_WORD)) {
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
  }
  out.mean_confidence = out.words.empty() ? -1.0f : static_cast<float>(api_->MeanTextConf());
  return out;
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
  // The renderer writes "<base>.pdf"; write beside the target, then rename,
  // so a reader never sees half a PDF.
  const std::string base = pdf_path + ".tmp";
  const std::string tmp = base + ".pdf";
  bool ok = false;
  {
    tesseract::TessPDFRenderer renderer(base.c_str(), tessdata_dir_.c_str(), /*textonly=*/false);
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

std::string ResolveTessdataDir(const OcrOptions& options) {
  if (!options.tessdata_dir.empty()) return TrimSlash(options.tessdata_dir);
  std::error_code ec;
  if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix != nullptr && *prefix != '\0') {
    // Tesseract 5 reads the variable as the tessdata folder itself; older
    // setups point at its parent.
    const std::string dir = TrimSlash(prefix);
    if (fs::is_directory(dir + "/tessdata", ec)) return dir + "/tessdata";
    if (fs::is_directory(dir, ec)) return dir;
  }
  return kDebianTessdata;
}

std::map<std::string, std::string> TesseractProvenance(const OcrOptions& options) {
  std::map<std::string, std::string> out;
  out["ocr_engine"] = std::string("tesseract ") + tesseract::TessBaseAPI::Version();
  out["ocr_languages"] = options.languages;
  const std::string dir = ResolveTessdataDir(options);
  size_t start = 0;
  while (start < options.languages.size()) {
    size_t end = std::min(options.languages.find('+', start), options.languages.size());
    const std::string lang = options.languages.substr(start, end - start);
    start = end + 1;
    if (!ValidLanguageName(lang)) continue;  // CheckLanguages reports it
    Result<std::string> sha = Sha256File(dir + "/" + lang + ".traineddata");
    out["ocr_model_" + lang + "_sha256"] = sha ? *sha : "missing";
  }
  return out;
}

Status CheckLanguages(const OcrOptions& options) {
  const std::string dir = ResolveTessdataDir(options);
  if (options.languages.empty()) return Status::InvalidArgument("tesseract: no language given");
  size_t start = 0;
  while (start <= options.languages.size()) {
    size_t end = options.languages.find('+', start);
    if (end == std::string::npos) end = options.languages.size();
    const std::string lang = options.languages.substr(start, end - start);
    if (!ValidLanguageName(lang)) {
      return Status::InvalidArgument("tesseract: bad language list '" + options.languages + "'");
    }
    std::error_code ec;
    if (!fs::is_regular_file(dir + "/" + lang + ".traineddata", ec)) {
      return Status::NotFound("tesseract: language '" + lang + "' is not installed (no " + lang +
                              ".traineddata in " + dir + ")");
    }
    start = end + 1;
  }
  return Status::OK();
}

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
