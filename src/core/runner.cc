// RunPipeline: takes a batch of files through a pipeline into the store.
//
// Shape (OCRmyPDF's _concurrent.py split): the caller's thread imports,
// decodes pages one at a time and hands them to a fixed pool of page workers
// through a bounded queue; workers run the page stages and give back pages
// with their images released; the caller's thread merges results in page
// order, runs the document stages and stores each document in input order.
// Only the caller's thread touches the store and the Documents, so workers
// never write shared state, and at most ~2 x jobs pages are decoded at once.
#include <algorithm>
#include <filesystem>
#include <deque>
#include <thread>
#include <unordered_map>

#include "core/clock.h"
#include "core/files.h"
#include "core/hash.h"
#include "core/work_queue.h"
#include "facteur/pipeline.h"
#include "facteur/store.h"

namespace facteur {
namespace {

struct PageJob {
  size_t slot;
  Page page;
  std::shared_ptr<const Document> header;  // the document without its pages
  std::string work_dir;
};

struct PageResult {
  size_t slot;
  Page page;
  Status status;
};

// A document whose pages are out with the workers.
struct Pending {
  Document doc;
  std::string work_dir;
  int outstanding = 0;
  bool submitting = true;  // pages still being read and handed out
  Status error;
  bool intake_only = false;  // a duplicate, or failed before any page went out
};

class DocContext : public RunContext {
 public:
  DocContext(std::string work_dir, const std::string& home) : work_dir_(std::move(work_dir)), home_(home) {}
  const std::string& WorkDir() const override { return work_dir_; }
  const std::string& Home() const override { return home_; }
  void Emit(Document doc) override { emitted_.push_back(std::move(doc)); }
  std::vector<Document> TakeEmitted() { return std::exchange(emitted_, {}); }

 private:
  std::string work_dir_;
  const std::string& home_;
  std::vector<Document> emitted_;
};

// "scan.tif: page 3: ..." whatever the stage put first.
std::string NameFile(const std::string& path, const std::string& message) {
  if (message.rfind(path, 0) == 0) return message;
  return path + ": " + message;
}

class Runner : public PipelineRunner {
 public:
  Runner(Pipeline& pipeline, Store& store, const RunOptions& options)
      : pipeline_(pipeline), store_(store), options_(options), jobs_(static_cast<size_t>(Jobs())),
        results_(static_cast<size_t>(-1)) {}
  ~Runner() override {
    jobs_.Close();
    threads_.clear();  // joins
    if (!options_.keep_temp) (void)RemoveTree(options_.work_dir);
  }

  Status StartWorkers();
  Result<RunSummary> Run(const std::vector<InputFile>& inputs, const DocumentCallback& on_document,
                         const ProgressCallback& on_progress) override;

 private:
  int Jobs() const {
    if (options_.jobs > 0) return options_.jobs;
    return std::max(1u, std::thread::hardware_concurrency());
  }
  void WorkerLoop(std::vector<std::unique_ptr<PageWorker>> workers);
  void Take(const InputFile& input);
  // Queues a document that is finished at intake (duplicate, or failed with
  // `error`) so that it is reported in input order.
  void Defer(Document doc, const Status& error) {
    pending_.push_back(Pending{std::move(doc), "", 0, false, error, true});
  }
  Status SubmitPages(Pending& pending, PageSource& source);
  void Drain(bool block);
  void FinishReady();
  void Finish(Document& doc, const std::string& work_dir);
  void DropBlankPages(Document& doc);
  void RunAfterStages(Document& doc, DocContext& ctx, size_t first_stage);
  void Fail(Document& doc, const Status& status);
  void Store(Document& doc);
  void Report(const Document& doc);
  void AddEvent(Document& doc, const std::string& stage, const std::string& message) {
    doc.events.push_back(Event{NowIso8601(), stage, message});
  }

  Pipeline& pipeline_;
  class Store& store_;
  const RunOptions options_;
  DocumentCallback on_document_;  // of the current Run
  ProgressCallback on_progress_;

  WorkQueue<PageJob> jobs_;
  WorkQueue<PageResult> results_;
  std::vector<std::jthread> threads_;

  std::deque<Pending> pending_;  // input order; pending_[i] has slot base_slot_ + i
  size_t base_slot_ = 0;
  std::unordered_map<std::string, std::string> seen_;  // sha256 -> id, this run
  RunSummary summary_;
  int pages_done_ = 0;
  int pages_known_ = 0;
};

Status Runner::StartWorkers() {
  FACTEUR_RETURN_IF_ERROR(MakeDirs(options_.work_dir));
  for (int i = 0; i < Jobs(); ++i) {
    std::vector<std::unique_ptr<PageWorker>> workers;
    for (const auto& stage : pipeline_.page_stages) {
      auto worker = stage->NewWorker();
      if (!worker) return worker.error().WithContext(std::string(stage->Name()));
      workers.push_back(std::move(*worker));
    }
    threads_.emplace_back([this, w = std::move(workers)]() mutable { WorkerLoop(std::move(w)); });
  }
  return Status::OK();
}

void Runner::WorkerLoop(std::vector<std::unique_ptr<PageWorker>> workers) {
  while (auto job = jobs_.Pop()) {
    Status status;
    try {
      for (size_t i = 0; i < workers.size() && status.ok(); ++i) {
        if (!pipeline_.page_stages[i]->AppliesTo(*job->header)) continue;
        status = workers[i]->Run(job->page, *job->header, job->work_dir)
                     .WithContext("page " + std::to_string(job->page.index + 1));
      }
    } catch (const std::exception& e) {  // last resort: a stage let an exception out
      status = Status::External("page " + std::to_string(job->page.index + 1) + ": " + e.what());
    }
    job->page.image = Image();  // release the pixels: only text and metadata go back
    job->page.ocr_image = Image();
    results_.Push(PageResult{job->slot, std::move(job->page), status});
  }
}

Result<RunSummary> Runner::Run(const std::vector<InputFile>& inputs, const DocumentCallback& on_document,
                               const ProgressCallback& on_progress) {
  auto start = std::chrono::steady_clock::now();
  on_document_ = on_document;
  on_progress_ = on_progress;
  summary_ = RunSummary();
  pages_done_ = pages_known_ = 0;
  for (const InputFile& input : inputs) {
    Take(input);
    Drain(false);
  }
  while (!pending_.empty()) Drain(true);
  summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary_;
}

// Intake of one file: hash, duplicate check, keep the original, open, submit.
void Runner::Take(const InputFile& input) {
  const std::string& path = input.path;
  Document doc;
  doc.source.path = path;
  doc.source.channel = input.channel;
  doc.source.context = options_.context;
  for (const auto& [key, value] : input.context) doc.source.context[key] = value;
  auto received = doc.source.context.find("received");
  doc.source.received = received != doc.source.context.end() ? received->second : NowIso8601();
  auto sha = Sha256File(path);
  if (!sha) return Defer(std::move(doc), sha.error());
  doc.source.sha256 = *sha;
  std::error_code ec;
  doc.source.bytes = static_cast<int64_t>(std::filesystem::file_size(path, ec));
  doc.id = sha->substr(0, 16);

  auto earlier = seen_.find(*sha);
  std::optional<std::string> stored_id;
  if (earlier != seen_.end()) {
    stored_id = earlier->second;
  } else {
    auto found = store_.FindByOriginal(*sha);
    if (!found) return Defer(std::move(doc), found.error());
    stored_id = *found;
  }
  if (stored_id) {
    doc.id = *stored_id;
    doc.status = DocStatus::kDuplicate;
    doc.duplicate_of = *stored_id;
    Event event{NowIso8601(), "intake", "duplicate submission: " + path};
    auto in_flight = std::find_if(pending_.begin(), pending_.end(),
                                  [&](const Pending& p) { return !p.intake_only && p.doc.id == *stored_id; });
    if (in_flight != pending_.end()) {
      in_flight->doc.events.push_back(event);  // stored with it
    } else {
      (void)store_.AddEvent(*stored_id, event);
    }
    return Defer(std::move(doc), Status::OK());
  }
  auto kept = store_.KeepOriginal(path, *sha);
  if (!kept) return Defer(std::move(doc), kept.error());
  seen_[*sha] = doc.id;
  AddEvent(doc, "intake", "original kept, sha256 " + *sha + ", " + std::to_string(doc.source.bytes) + " bytes");

  auto source = OpenImport(path, pipeline_.import);
  if (!source) return Defer(std::move(doc), source.error());
  doc.source.format = (*source)->Format();
  int count = (*source)->PageCount();
  if (count <= 0) return Defer(std::move(doc), Status::Corrupt("no pages"));
  doc.source.first_page = 0;
  doc.source.last_page = count - 1;
  AddEvent(doc, "import", doc.source.format + ", " + std::to_string(count) + " page(s)");

  std::string work_dir = options_.work_dir + "/" + doc.id;
  if (Status st = MakeDirs(work_dir); !st.ok()) return Defer(std::move(doc), st);
  DocContext ctx(work_dir, options_.home);
  for (const auto& stage : pipeline_.before_pages) {
    if (!stage->AppliesTo(doc)) continue;
    if (Status st = stage->Run(doc, ctx); !st.ok()) return Defer(std::move(doc), st.WithContext(std::string(stage->Name())));
  }
  pages_known_ += count;
  pending_.push_back(Pending{std::move(doc), work_dir, 0, true, Status::OK(), false});
  // References to deque elements survive push_back and the pop_front of
  // other elements; this one is not popped while `submitting`.
  Pending& pending = pending_.back();
  pending.doc.pages.resize(static_cast<size_t>(count));
  if (Status st = SubmitPages(pending, **source); !st.ok()) pending.error = st;
  pending.submitting = false;
}

Status Runner::SubmitPages(Pending& pending, PageSource& source) {
  auto header = std::make_shared<const Document>(pending.doc.WithoutPages());
  size_t slot = base_slot_ + pending_.size() - 1;
  int count = static_cast<int>(pending.doc.pages.size());
  for (int i = 0; i < count; ++i) {
    auto page = source.ReadPage(i);
    if (!page) {
      pages_known_ -= count - i;
      pending.doc.pages.resize(static_cast<size_t>(i));  // pages i.. never went out
      return page.error();
    }
    page->index = i;
    page->width = page->image.width();
    page->height = page->image.height();
    ++pending.outstanding;
    jobs_.Push(PageJob{slot, std::move(*page), header, pending.work_dir});
    Drain(false);
  }
  return Status::OK();
}

void Runner::Drain(bool block) {
  for (;;) {
    std::optional<PageResult> result = block ? results_.Pop() : results_.TryPop();
    if (!result) break;
    block = false;  // after one blocking wait, take what is there
    Pending& pending = pending_[result->slot - base_slot_];
    if (!result->status.ok() && pending.error.ok()) pending.error = result->status;
    int index = result->page.index;
    pending.doc.pages[static_cast<size_t>(index)] = std::move(result->page);
    --pending.outstanding;
    ++pages_done_;
    if (on_progress_) on_progress_(pages_done_, pages_known_);
  }
  FinishReady();
}

void Runner::FinishReady() {
  // Documents finish in input order; the one being submitted (the back, while
  // Take runs) has outstanding > 0 or is completed by the next Drain.
  while (!pending_.empty() && !pending_.front().submitting && pending_.front().outstanding == 0) {
    Pending p = std::move(pending_.front());
    pending_.pop_front();
    ++base_slot_;
    if (p.intake_only) {
      p.error.ok() ? Report(p.doc) : Fail(p.doc, p.error);
      continue;
    }
    if (!p.error.ok()) {
      Fail(p.doc, p.error);
    } else {
      Finish(p.doc, p.work_dir);
    }
    if (!options_.keep_temp) (void)RemoveTree(p.work_dir);
  }
}

void Runner::Finish(Document& doc, const std::string& work_dir) {
  for (const auto& stage : pipeline_.page_stages)
    AddEvent(doc, std::string(stage->Name()), std::to_string(doc.pages.size()) + " page(s)");
  DropBlankPages(doc);
  for (const Page& page : doc.pages) {
    for (const std::string& flag : page.quality_flags) {
      AddEvent(doc, "quality", "page " + std::to_string(page.index + 1) + ": " + flag);
      doc.status = DocStatus::kReview;
    }
  }
  DocContext ctx(work_dir, options_.home);
  RunAfterStages(doc, ctx, 0);
}

// Blank pages (duplex back sides) leave the document; the original keeps
// them. A document whose pages are all blank keeps them and goes to review.
void Runner::DropBlankPages(Document& doc) {
  size_t blank = std::count_if(doc.pages.begin(), doc.pages.end(), [](const Page& p) { return p.blank; });
  if (blank == 0) return;
  if (blank == doc.pages.size()) {
    doc.status = DocStatus::kReview;
    AddEvent(doc, "blank", "every page is blank");
    return;
  }
  std::vector<Page> kept;
  for (Page& page : doc.pages) {
    if (page.blank) {
      AddEvent(doc, "blank", "dropped blank page " + std::to_string(page.source_index + 1) + " of the original");
      continue;
    }
    page.index = static_cast<int>(kept.size());
    kept.push_back(std::move(page));
  }
  doc.pages = std::move(kept);
}

// Runs the document stages from `first_stage` on, then stores `doc`.
// Documents a stage emits (parts split off `doc`) continue with the stages
// after it once `doc` is stored, so parts are reported in page order.
void Runner::RunAfterStages(Document& doc, DocContext& ctx, size_t first_stage) {
  auto& stages = pipeline_.after_pages;
  std::vector<std::pair<Document, size_t>> parts;
  Status failed;
  for (size_t i = first_stage; i < stages.size() && failed.ok(); ++i) {
    if (!stages[i]->AppliesTo(doc)) continue;
    Status st = stages[i]->Run(doc, ctx);
    if (!st.ok()) failed = st.WithContext(std::string(stages[i]->Name()));
    for (Document& part : ctx.TakeEmitted()) parts.emplace_back(std::move(part), i + 1);
  }
  if (failed.ok()) {
    Store(doc);
  } else {
    Fail(doc, failed);
  }
  for (auto& [part, next] : parts) RunAfterStages(part, ctx, next);
}

void Runner::Store(Document& doc) {
  AddEvent(doc, "store", std::string("status ") + DocStatusName(doc.status));
  Status st = store_.Put(doc);
  for (int attempt = 0; st.code() == Status::Code::kBusy && attempt < 20; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    st = store_.Put(doc);
  }
  if (!st.ok()) {
    doc.status = DocStatus::kFailed;
    doc.error = NameFile(doc.source.path, "cannot store the record: " + st.message());
    return Report(doc);
  }
  Report(doc);
}

void Runner::Fail(Document& doc, const Status& status) {
  doc.status = DocStatus::kFailed;
  doc.error = NameFile(doc.source.path, status.message());
  doc.retryable = status.code() == Status::Code::kBusy;
  // A later copy of these bytes in this run is not a duplicate of a failure.
  if (auto it = seen_.find(doc.source.sha256); it != seen_.end() && it->second == doc.id) seen_.erase(it);
  AddEvent(doc, "failed", doc.error);
  doc.pdf_path.clear();
  // A failed document is recorded too (when its original is safe in the
  // store), so an operator can find it and what went wrong.
  if (!doc.source.sha256.empty() && !doc.id.empty() && store_.Put(doc).ok()) {
    return Report(doc);
  }
  Report(doc);
}

void Runner::Report(const Document& doc) {
  ++summary_.documents;
  summary_.pages += static_cast<int>(doc.pages.size());
  if (doc.status == DocStatus::kFailed) ++summary_.failed;
  if (doc.status == DocStatus::kReview) ++summary_.review;
  if (doc.status == DocStatus::kDuplicate) ++summary_.duplicates;
  if (on_document_) on_document_(doc);
}

}  // namespace

Result<std::unique_ptr<PipelineRunner>> PipelineRunner::Start(Pipeline& pipeline, Store& store,
                                                               const RunOptions& options) {
  auto runner = std::make_unique<Runner>(pipeline, store, options);
  if (Status st = runner->StartWorkers(); !st.ok()) return Err(st);
  return std::unique_ptr<PipelineRunner>(std::move(runner));
}

Result<RunSummary> RunPipeline(Pipeline& pipeline, Store& store, const std::vector<std::string>& inputs,
                               const RunOptions& options, const DocumentCallback& on_document,
                               const ProgressCallback& on_progress) {
  std::vector<std::string> missing;
  int skipped = 0;
  std::vector<InputFile> files;
  for (std::string& path : ExpandInputs(inputs, &missing, &skipped))
    files.push_back(InputFile{path, options.channel, {}});
  auto runner = PipelineRunner::Start(pipeline, store, options);
  if (!runner) return Err(runner.error());
  RunSummary missing_summary;
  for (const std::string& path : missing) {
    Document doc;
    doc.source.path = path;
    doc.status = DocStatus::kFailed;
    doc.error = path + ": no such file or folder";
    ++missing_summary.documents;
    ++missing_summary.failed;
    if (on_document) on_document(doc);
  }
  auto summary = (*runner)->Run(files, on_document, on_progress);
  if (summary) {
    summary->documents += missing_summary.documents;
    summary->failed += missing_summary.failed;
    summary->skipped = skipped;
  }
  return summary;
}

}  // namespace facteur
