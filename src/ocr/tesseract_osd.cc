// NewTesseractOrientationDetector: Tesseract's orientation and script
// detection (OSD) behind the OrientationDetector seam. osd.traineddata holds
// only the legacy classifier, so the engine is a separate TessBaseAPI
// initialised with "osd" and OEM_TESSERACT_ONLY, one per worker.
#include <tesseract/baseapi.h>

#include <exception>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "facteur/ocr_engine.h"
#include "ocr/leptonica_image.h"
#include "ocr/tessdata.h"

namespace facteur {
namespace {

struct ApiDeleter {
  void operator()(tesseract::TessBaseAPI* api) const {
    api->End();
    delete api;
  }
};
using ApiPtr = std::unique_ptr<tesseract::TessBaseAPI, ApiDeleter>;

class TesseractOrientationDetector : public OrientationDetector {
 public:
  explicit TesseractOrientationDetector(ApiPtr api) : api_(std::move(api)) {}

  Result<OrientationGuess> Detect(const Image& image) override {
    if (image.empty()) return Err(Status::InvalidArgument("tesseract osd: empty image"));
    Result<OrientationGuess> out;
    try {
      api_->SetImage(image.data(), image.width(), image.height(), image.channels(),
                     static_cast<int>(image.stride()));
      api_->SetSourceResolution(EffectiveDpi(image));
      int degrees = 0;
      float confidence = 0, script_confidence = 0;
      const char* script = nullptr;
      // False when OSD found too few characters to vote (blank page, photo).
      if (api_->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence)) {
        // Tesseract gives how far the input is turned clockwise; undoing it
        // is the complementary clockwise turn.
        out = OrientationGuess{.rotate_degrees = (360 - degrees) % 360, .confidence = confidence};
      } else {
        out = Err(Status::NotFound("tesseract osd: too little text to tell the orientation"));
      }
    } catch (const std::exception& e) {
      out = Err(Status::External(std::string("tesseract osd: ") + e.what()));
    }
    api_->Clear();
    return out;
  }

 private:
  ApiPtr api_;
};

}  // namespace

Result<std::unique_ptr<OrientationDetector>> NewTesseractOrientationDetector(const OcrOptions& options) {
  const std::string dir = ResolveTessdataDir(options);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(dir + "/osd.traineddata", ec)) {
    return Err(Status::NotFound("tesseract osd: no osd.traineddata in " + dir));
  }
  try {
    ApiPtr api(new tesseract::TessBaseAPI);
    const std::vector<std::string> names = {"debug_file"};
    const std::vector<std::string> values = {"/dev/null"};
    if (api->Init(dir.c_str(), "osd", tesseract::OEM_TESSERACT_ONLY, nullptr, 0, &names, &values, false) != 0) {
      return Err(Status::External("tesseract osd: cannot load osd from " + dir));
    }
    api->SetPageSegMode(tesseract::PSM_OSD_ONLY);
    return std::unique_ptr<OrientationDetector>(new TesseractOrientationDetector(std::move(api)));
  } catch (const std::exception& e) {
    return Err(Status::External(std::string("tesseract osd: ") + e.what()));
  }
}

}  // namespace facteur
