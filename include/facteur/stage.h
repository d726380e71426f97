// Stage: one step of a pipeline, as named in pipelines/*.yaml.
//
// Two kinds:
//  - DocumentStage runs once per document on the runner's thread
//    (classify, output.pdf, ...).
//  - PageStage runs per page: NewWorker() gives a worker that one thread owns
//    (one Tesseract engine per worker). The runner fans pages out to workers
//    and merges results in page order; workers never write shared state.
//
// Contract for every stage:
//  - Run MUST NOT keep references to the document or page after it returns.
//  - Re-running a stage on its own output SHOULD be harmless.
//  - A page-level problem (empty page, OCR timeout) is flagged on the page
//    (Page::ocr_failed, a note) and Run returns OK; a non-OK Status fails the
//    whole document, which is then recorded as failed with that reason.
//  - Settings come in at construction and are kept const.
#ifndef FACTEUR_STAGE_H_
#define FACTEUR_STAGE_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "facteur/document.h"
#include "facteur/status.h"

namespace facteur {

// What the runner offers a stage while it runs.
class RunContext {
 public:
  virtual ~RunContext() = default;
  // A folder private to this document, for intermediate files. Exists.
  virtual const std::string& WorkDir() const = 0;
  // The store's home folder (for stages that read its other tables, such as
  // the customer directory); "" when the run has none.
  virtual const std::string& Home() const = 0;
  // Hands a new document (a part split off the current one) to the runner,
  // which sends it through the remaining stages.
  virtual void Emit(Document doc) = 0;
};

class Stage {
 public:
  virtual ~Stage() = default;
  // The name used in pipeline files, e.g. "ocr.tesseract".
  virtual std::string_view Name() const = 0;
  // Whether this stage has anything to do for `doc` (default: yes).
  virtual bool AppliesTo(const Document& doc) const { (void)doc; return true; }
  // Added for issue 7: the tools and models this stage runs with, for each
  // record's capture context, e.g. {"ocr_engine": "tesseract 5.3.0",
  // "ocr_model_fra_sha256": "..."}. Keys start with the stage's area; called
  // once per run. Default: nothing to declare.
  virtual std::map<std::string, std::string> Provenance() const { return {}; }
};

class DocumentStage : public Stage {
 public:
  virtual Status Run(Document& doc, RunContext& ctx) = 0;
};

// Per-thread worker of a PageStage.
class PageWorker {
 public:
  virtual ~PageWorker() = default;
  // REQUIRES: page.image is not empty. `doc` gives the source and settings
  // context; only `page` may be changed. `work_dir` is the document's folder.
  virtual Status Run(Page& page, const Document& doc, const std::string& work_dir) = 0;
};

class PageStage : public Stage {
 public:
  // Thread-safe: called once per worker thread before any page is run.
  virtual Result<std::unique_ptr<PageWorker>> NewWorker() const = 0;
};

}  // namespace facteur

#endif  // FACTEUR_STAGE_H_
