// Shared machinery of the cleanup steps: reading a step's settings (with
// `enabled` and the `fax:` overrides), a generic PageStage around a step
// function, and page helpers that keep Page::image and Page::ocr_image
// aligned.
//
// Every cleanup step's settings section takes:
//   enabled: true     false switches the step off
//   fax: {...}        the same keys again, applied over the others to fax
//                     pages (Page::is_fax: fax resolution or CCITT coding)
// Unknown keys are errors naming file and line.
#ifndef FACTEUR_CLEANUP_STEP_H_
#define FACTEUR_CLEANUP_STEP_H_

#include <cstdarg>
#include <exception>
#include <functional>
#include <memory>
#include <set>
#include <opencv2/core.hpp>
#include <string>

#include "facteur/document.h"
#include "facteur/settings.h"
#include "facteur/stage.h"
#include "facteur/status.h"

namespace facteur::cleanup {

// Reads keys of one settings map into variables that hold their defaults.
// The first problem is kept and returned by Finish().
class OptionReader {
 public:
  OptionReader(const Settings& settings, std::string stage) : settings_(settings), stage_(std::move(stage)) {}
  void Read(const char* key, bool& value);
  void Read(const char* key, double& value, double lo, double hi);
  void Read(const char* key, int& value, int lo, int hi);
  // OK, the first bad value, or the first key no Read asked for.
  Status Finish();

 private:
  const Settings& settings_;
  const std::string stage_;
  std::set<std::string> known_ = {"enabled", "fax"};
  Status status_;
};

// A step's options for ordinary pages and for fax pages.
template <class Options>
struct StepOptions {
  Options page;
  Options fax;
  const Options& For(const Page& p) const { return p.is_fax ? fax : page; }
};

// Reads `settings` with read(reader, options) over Options' defaults, then
// its `fax:` map over a copy of the result. Options must have `bool enabled`.
template <class Options>
Result<StepOptions<Options>> ReadStepOptions(const Settings& settings, const std::string& stage,
                                             const std::function<void(OptionReader&, Options&)>& read) {
  if (!settings.IsMap() && !settings.Scalar().empty())
    return Err(settings.Error(stage + ": expected a map of settings"));
  StepOptions<Options> out;
  OptionReader reader(settings, stage);
  reader.Read("enabled", out.page.enabled);
  read(reader, out.page);
  if (Status s = reader.Finish(); !s.ok()) return Err(s);
  out.fax = out.page;
  auto fax = settings.Child("fax");
  if (!fax) return Err(fax.error());
  OptionReader fax_reader(*fax, stage + ": fax");
  fax_reader.Read("enabled", out.fax.enabled);
  read(fax_reader, out.fax);
  if (Status s = fax_reader.Finish(); !s.ok()) return Err(s);
  return out;
}

// One step applied to one page with the options that fit it.
template <class Options>
using StepFunction = std::function<Status(Page&, const Options&)>;

// A PageStage running a stateless step function. Pages that keep a PDF text
// layer are left alone (output.pdf copies them as they are), and so are
// pages found blank.
template <class Options>
class StepStage : public PageStage {
 public:
  StepStage(std::string name, StepOptions<Options> options, StepFunction<Options> step)
      : name_(std::move(name)), options_(std::move(options)), step_(std::move(step)) {}
  std::string_view Name() const override { return name_; }
  Result<std::unique_ptr<PageWorker>> NewWorker() const override {
    return std::unique_ptr<PageWorker>(new Worker(*this));
  }

 private:
  class Worker : public PageWorker {
   public:
    explicit Worker(const StepStage& stage) : stage_(stage) {}
    Status Run(Page& page, const Document& doc, const std::string&) override {
      const Options& o = stage_.options_.For(page);
      // Blank pages leave the document: cleaning them is wasted work.
      if (!o.enabled || page.has_text_layer || page.image.empty() || page.blank) return Status::OK();
      Status s;
      try {
        s = stage_.step_(page, o);
      } catch (const std::exception& e) {  // cv::Exception, std::bad_alloc
        s = Status::External(e.what());
      }
      if (!s.ok()) return s.WithContext(doc.source.path + ": " + stage_.name_);
      return s;
    }

   private:
    const StepStage& stage_;
  };

  const std::string name_;
  const StepOptions<Options> options_;
  const StepFunction<Options> step_;
};

// The enhanced copy OCR reads: made on first use as a Gray8 copy of
// Page::image (same size and dpi).
Image& OcrCopy(Page& page);

// The page as OCR would now read it, in gray: a view of the OCR copy when a
// step made one, else a gray copy of Page::image. Steps measure on it and
// call OcrCopy only to change pixels, so a page that no step changed
// reaches Tesseract as scanned: a colour page in colour, which Tesseract
// thresholds channel by channel (tools/bench-ocr, ocr-truth: the Oulipo
// typescript 116f reads 0.084 CER in colour, 0.153 as our gray copy).
cv::Mat OcrGray(Page& page);

// Adds "<stage>: <printf text>" to the page's notes.
void Note(Page& page, const char* stage, const char* format, ...) __attribute__((format(printf, 3, 4)));

}  // namespace facteur::cleanup

#endif  // FACTEUR_CLEANUP_STEP_H_
