// Pipeline: the ordered stages of a pipeline file and the runner that takes
// documents through them.
//
// A pipeline file (pipelines/*.yaml) names the pipeline, its version, and an
// ordered list of stages, each with its own settings section:
//
//   name: default
//   version: 1
//   stages:
//     - import: {max_pixels: 100000000}
//     - ocr.tesseract: {languages: fra+eng}
//     - classify.rules: {threshold: 0.5, classes: [...]}
//
// Page stages (cleanup, OCR) must stand together; document stages run before
// or after them. The import settings are read by the runner itself.
#ifndef FACTEUR_PIPELINE_H_
#define FACTEUR_PIPELINE_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "facteur/document.h"
#include "facteur/importer.h"
#include "facteur/settings.h"
#include "facteur/stage.h"
#include "facteur/status.h"

namespace facteur {

class Store;

// One parsed pipeline file, stages built and ready.
struct Pipeline {
  std::string name;
  std::string version;
  std::string path;
  ImportOptions import;
  std::vector<std::unique_ptr<DocumentStage>> before_pages;
  std::vector<std::unique_ptr<PageStage>> page_stages;
  std::vector<std::unique_ptr<DocumentStage>> after_pages;
};

// Reads and builds a pipeline. Errors: kInvalidArgument
// "pipelines/fax.yaml:3: unknown stage 'ocr.tesseract5'", kNotFound for a
// missing file.
Result<Pipeline> LoadPipeline(const std::string& path);
Result<Pipeline> ParsePipeline(const std::string& yaml, const std::string& origin);

// Options of one run, validated once and never changed.
struct RunOptions {
  int jobs = 0;                // page workers; 0 = all cores
  std::string home;            // the store's home folder, offered to stages (RunContext::Home)
  std::string work_dir;        // per-run scratch folder (created, removed after)
  bool keep_temp = false;      // keep work_dir for inspection
  Channel channel = Channel::kBatch;
  std::map<std::string, std::string> context;  // batch id, operator...
};

// Called on the runner's thread as each document is finished (stored or failed).
using DocumentCallback = std::function<void(const Document&)>;
// Called on the runner's thread as pages complete: (pages done, pages known).
using ProgressCallback = std::function<void(int, int)>;

struct RunSummary {
  int documents = 0;
  int pages = 0;
  int failed = 0;
  int review = 0;
  int duplicates = 0;
  int skipped = 0;  // sidecar files (.txt, .json...) passed over in folders
  double seconds = 0;
};

// One input of a run: a file and what is known of how it arrived.
struct InputFile {
  std::string path;
  Channel channel = Channel::kBatch;
  std::map<std::string, std::string> context;  // over RunOptions::context; "received" sets the received time
};

// A runner whose page workers (one OCR engine each) stay up between calls,
// for long-lived callers such as the watched-folder daemon.
class PipelineRunner {
 public:
  // Starts the workers. REQUIRES: pipeline and store outlive the runner.
  // Errors: a page stage could not make a worker (OCR language missing...).
  static Result<std::unique_ptr<PipelineRunner>> Start(Pipeline& pipeline, Store& store, const RunOptions& options);
  virtual ~PipelineRunner() = default;
  // Takes every input through the pipeline into the store and returns when
  // all are finished; `on_document` is called once per document (stored,
  // duplicate or failed), in input order. One file's failure is recorded and
  // the others go on. Not reentrant; call from one thread.
  virtual Result<RunSummary> Run(const std::vector<InputFile>& inputs, const DocumentCallback& on_document,
                                 const ProgressCallback& on_progress) = 0;
};

// Start + Run for a batch: `inputs` are files or folders (walked recursively,
// hidden and sidecar files skipped: see ExpandInputs in src/core/files.h); a path that does not exist is reported as a failed
// document. Only run-level problems (store unwritable, no worker could start)
// return an error.
Result<RunSummary> RunPipeline(Pipeline& pipeline, Store& store, const std::vector<std::string>& inputs,
                               const RunOptions& options, const DocumentCallback& on_document,
                               const ProgressCallback& on_progress);

}  // namespace facteur

#endif  // FACTEUR_PIPELINE_H_
