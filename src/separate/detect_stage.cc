// separate.detect: patch codes and barcodes per page.
#include <algorithm>

#include "separate/bar_region.h"
#include "separate/barcode_reader.h"
#include "separate/code39_rows.h"
#include "separate/gray_plane.h"
#include "separate/patch_code.h"
#include "separate/separate_stages.h"

namespace facteur::separate {
namespace {

class DetectWorker : public PageWorker {
 public:
  explicit DetectWorker(const DetectOptions& options) : options_(options) {}

  Status Run(Page& page, const Document& doc, const std::string& work_dir) override {
    (void)doc;
    (void)work_dir;
    if (page.image.empty()) return Status::OK();
    double dpi = page.dpi > 0 ? page.dpi : page.image.dpi_x();
    GrayPlane gray = ToGray(page.image);
    page.barcodes.clear();
    page.separator.clear();
    page.separator_problem.clear();
    bool found_mark = false;
    if (options_.patch_codes) {
      PatchOptions patch_options;
      patch_options.min_length_mm = options_.min_patch_mm;
      for (const PatchMark& mark : FindPatchCodes(gray, dpi, patch_options)) {
        found_mark = true;
        page.notes.push_back("separate: patch code " + mark.code + " (bars " +
                             std::to_string(static_cast<int>(mark.length_mm)) + " mm)");
        if (page.separator.empty() && IsSeparator(mark.code)) page.separator = mark.code;
      }
    }
    int unreadable = 0;
    if (options_.barcodes) {
      auto scan = ReadPageBarcodes(page.image, options_.formats);
      if (!scan) {
        page.separator_problem = "barcodes could not be read: " + scan.error().message();
        page.notes.push_back("separate: " + page.separator_problem);
        return Status::OK();
      }
      for (const Barcode& code : scan->codes) {
        found_mark = true;
        page.barcodes.push_back(code.text);
        page.notes.push_back("separate: barcode " + code.format + " '" + code.text + "'");
        if (page.separator.empty() && IsSeparator(code.text)) page.separator = code.text;
      }
      unreadable = scan->unreadable;
      // zxing gives up on warped symbols; a second, tolerant reading.
      if (scan->codes.empty() && WantsCode39()) {
        for (const std::string& text : ReadCode39Rows(gray, dpi)) {
          found_mark = true;
          page.barcodes.push_back(text);
          page.notes.push_back("separate: barcode Code39 '" + text + "' (tolerant reader)");
          if (page.separator.empty() && IsSeparator(text)) page.separator = text;
        }
      }
    }
    if (options_.report_unreadable && !found_mark) {
      if (unreadable > 0) {
        page.separator_problem = "a barcode was found but could not be decoded";
      } else if (CountBarRegions(gray, dpi) > 0) {
        page.separator_problem = "barcode-like bars that do not decode";
      }
      if (!page.separator_problem.empty()) page.notes.push_back("separate: " + page.separator_problem);
    }
    if (!page.separator.empty()) page.notes.push_back("separate: separator sheet (" + page.separator + ")");
    return Status::OK();
  }

 private:
  bool IsSeparator(const std::string& value) const {
    return std::find(options_.separators.begin(), options_.separators.end(), value) != options_.separators.end();
  }
  bool WantsCode39() const {
    return options_.formats.empty() ||
           std::find(options_.formats.begin(), options_.formats.end(), "code39") != options_.formats.end();
  }
  const DetectOptions& options_;
};

class DetectStage : public PageStage {
 public:
  explicit DetectStage(DetectOptions options) : options_(std::move(options)) {}
  std::string_view Name() const override { return "separate.detect"; }
  Result<std::unique_ptr<PageWorker>> NewWorker() const override {
    return std::unique_ptr<PageWorker>(new DetectWorker(options_));
  }

 private:
  const DetectOptions options_;
};

}  // namespace

Result<DetectOptions> ReadDetectOptions(const Settings& settings) {
  DetectOptions options;
  if (settings.Has("separators")) {
    auto list = settings.StringList("separators");
    if (!list) return Err(list.error());
    options.separators = *list;
  }
  auto patch_codes = settings.Bool("patch_codes", options.patch_codes);
  auto barcodes = settings.Bool("barcodes", options.barcodes);
  auto formats = settings.StringList("formats");
  auto min_patch = settings.Double("min_patch_mm", options.min_patch_mm);
  auto unreadable = settings.Bool("report_unreadable", options.report_unreadable);
  for (const Status* st : {patch_codes ? nullptr : &patch_codes.error(), barcodes ? nullptr : &barcodes.error(),
                           formats ? nullptr : &formats.error(), min_patch ? nullptr : &min_patch.error(),
                           unreadable ? nullptr : &unreadable.error()})
    if (st) return Err(*st);
  if (Status st = CheckBarcodeFormats(*formats); !st.ok()) return Err(settings.Error("formats: " + st.message()));
  if (*min_patch <= 0) return Err(settings.Error("min_patch_mm: must be > 0"));
  options.patch_codes = *patch_codes;
  options.barcodes = *barcodes;
  options.formats = *formats;
  options.min_patch_mm = *min_patch;
  options.report_unreadable = *unreadable;
  return options;
}

std::unique_ptr<PageStage> NewDetectStage(DetectOptions options) {
  return std::make_unique<DetectStage>(std::move(options));
}

}  // namespace facteur::separate
