// facteur run: takes files and folders through a pipeline into the store.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <thread>

#include "cli/commands.h"
#include "cli/record_json.h"
#include "facteur/pipeline.h"
#include "facteur/store.h"
#include "route/deliverer.h"

namespace facteur {
namespace {

const char kHelp[] = R"(usage: facteur run [options] PATH...

Takes scanned letters and faxes through a pipeline into the store: import,
OCR, searchable PDF, classification, record. PATH is a file or a folder
(walked recursively; hidden files and sidecar files such as .txt, .json,
.xml, .md, .csv, .yaml are skipped in folders). Originals are copied into the
store, byte for byte, before any processing and are never changed. A file
already stored (same SHA-256) is reported as a duplicate and not processed
again. A file that cannot be read is recorded as failed with its reason, and
the rest of the batch goes on.

options:
  --home DIR        store folder (default: $FACTEUR_HOME, else ./var)
  --pipeline FILE   pipeline file, or the name of one in pipelines/
                    (default: pipelines/default.yaml)
  --jobs N          page workers, one OCR engine each (default: all cores)
  --json            JSON Lines on stdout, one object per document:
                    id, source, sha256, pages, class, confidence, fields,
                    queues, status (done|review|duplicate|failed), error
  --keep-temp       keep the per-document work folders under HOME/work
  --quiet           no progress line and no summary
  --batch-id ID     batch (tray) identifier, recorded with every document
  --operator NAME   who scanned the batch, recorded with every document
  --received DATE   when the mail arrived: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ
                    (default: now)

A stack holding several letters (one multi-page TIFF or PDF per tray) is cut
at patch T separator sheets and PATCHT barcodes (stage separate.split): one
record per letter, each with its input and page range (batch.input,
batch.pages).
  -h, --help        this help

exit codes: 0 all documents done (review and duplicates included),
  2 usage error or bad pipeline file, 3 some documents failed,
  5 the run could not go on (store not writable, OCR engine missing).

examples:
  facteur run samples/
  facteur run --home /srv/facteur --jobs 2 --json tray-0042.tif > tray.jsonl
)";

std::string RunWorkDir(const std::string& home) {
  return home + "/work/run-" + std::to_string(::getpid()) + "-" + std::to_string(std::time(nullptr));
}

class Reporter {
 public:
  Reporter(bool json, bool quiet) : json_(json), quiet_(quiet), tty_(::isatty(STDERR_FILENO)) {
    start_ = std::chrono::steady_clock::now();
  }

  void Document(const facteur::Document& doc) {
    ClearProgress();
    if (json_) {
      std::printf("%s\n", DocumentLine(doc).c_str());
    } else if (!quiet_) {
      if (doc.status == DocStatus::kFailed) {
        std::printf("%-9s %s\n", "failed", doc.error.c_str());
      } else if (doc.status == DocStatus::kDuplicate) {
        std::printf("%-9s %s  %s (already stored)\n", "duplicate", doc.id.c_str(), doc.source.path.c_str());
      } else {
        std::printf("%-9s %s  %-20s %.2f  %zu page(s)  %s\n", DocStatusName(doc.status), doc.id.c_str(),
                    doc.classification.label.c_str(), doc.classification.confidence, doc.pages.size(),
                    doc.source.path.c_str());
      }
    }
    std::fflush(stdout);
    if (doc.status == DocStatus::kFailed) failures_.push_back(doc.error);
    if (doc.status == DocStatus::kDone || doc.status == DocStatus::kReview) ++by_class_[doc.classification.label];
  }

  void Progress(int done, int known) {
    if (quiet_ || !tty_) return;
    double minutes = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count() / 60;
    std::fprintf(stderr, "\rfacteur run: %d/%d pages, %.1f pages/min ", done, known,
                 minutes > 0 ? done / minutes : 0.0);
    progress_shown_ = true;
  }

  void Summary(const RunSummary& s, int jobs, const std::string& home) {
    ClearProgress();
    if (quiet_) return;
    FILE* out = json_ ? stderr : stdout;
    double ppm = s.seconds > 0 ? s.pages * 60.0 / s.seconds : 0;
    std::fprintf(out, "\nfacteur run: %d document(s), %d page(s) in %.1f s (%.1f pages/min, %d jobs)\n",
                 s.documents, s.pages, s.seconds, ppm, jobs);
    std::fprintf(out, "  done %d, review %d, duplicate %d, failed %d\n",
                 s.documents - s.review - s.duplicates - s.failed, s.review, s.duplicates, s.failed);
    if (!by_class_.empty()) {
      std::fprintf(out, "  by class:");
      for (const auto& [label, n] : by_class_) std::fprintf(out, " %s %d", label.c_str(), n);
      std::fprintf(out, "\n");
    }
    for (const std::string& f : failures_) std::fprintf(out, "  failed: %s\n", f.c_str());
    if (s.skipped > 0)
      std::fprintf(out, "  skipped %d sidecar file(s) in folders (.txt, .json, .xml, .md...)\n", s.skipped);
    std::fprintf(out, "  records in %s (facteur search --home %s WORDS)\n", home.c_str(), home.c_str());
  }

 private:
  void ClearProgress() {
    if (progress_shown_) std::fprintf(stderr, "\r\033[K");
    progress_shown_ = false;
  }

  const bool json_, quiet_, tty_;
  bool progress_shown_ = false;
  std::chrono::steady_clock::time_point start_;
  std::vector<std::string> failures_;
  std::map<std::string, int> by_class_;
};

// "2026-11-22" -> "2026-11-22T00:00:00Z"; a full UTC time passes as is.
Result<std::string> ReceivedTime(const std::string& text) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
    return true;
  };
  bool date = digits(0, 4) && text.size() >= 10 && text[4] == '-' && digits(5, 2) && text[7] == '-' && digits(8, 2);
  int month = date ? std::stoi(text.substr(5, 2)) : 0, day = date ? std::stoi(text.substr(8, 2)) : 0;
  if (date && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
    if (text.size() == 10) return text + "T00:00:00Z";
    if (text.size() == 20 && text[10] == 'T' && digits(11, 2) && text[13] == ':' && digits(14, 2) &&
        text[16] == ':' && digits(17, 2) && text[19] == 'Z')
      return text;
  }
  return Err(Status::InvalidArgument("--received: '" + text +
                                     "' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)"));
}

}  // namespace

int RunCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("run", args,
                   {{"home", true}, {"pipeline", true}, {"jobs", true}, {"json", false}, {"keep-temp", false},
                    {"quiet", false}, {"batch-id", true}, {"operator", true}, {"received", true}},
                   kHelp, flags, code))
    return code;
  if (flags.positional().empty())
    return ReportError("run", Status::InvalidArgument("give at least one file or folder (see --help)"));
  auto jobs = flags.GetInt("jobs", 0, 1, 256);
  if (!jobs) return ReportError("run", jobs.error());
  auto pipeline_path = PipelinePath(flags);
  if (!pipeline_path) return ReportError("run", pipeline_path.error());
  auto pipeline = LoadPipeline(*pipeline_path);
  if (!pipeline) return ReportError("run", pipeline.error());
  const std::string home = HomeDir(flags);
  auto store = OpenSqliteStore(home);
  if (!store) return ReportError("run", store.error());

  RunOptions options;
  options.jobs = static_cast<int>(*jobs);
  options.home = home;
  AddCaptureContext(*pipeline, options);
  options.work_dir = RunWorkDir(home);
  options.keep_temp = flags.Has("keep-temp");
  if (flags.Has("batch-id")) options.context["batch_id"] = flags.Get("batch-id");
  if (flags.Has("operator")) options.context["operator"] = flags.Get("operator");
  if (flags.Has("received")) {
    auto received = ReceivedTime(flags.Get("received"));
    if (!received) return ReportError("run", received.error());
    options.context["received"] = *received;
  }
  Reporter reporter(flags.Has("json"), flags.Has("quiet"));
  auto summary = RunPipeline(
      *pipeline, **store, flags.positional(), options, [&](const Document& doc) { reporter.Document(doc); },
      [&](int done, int known) { reporter.Progress(done, known); });
  if (!summary) return ReportError("run", summary.error());
  // Delivery comes after storing: the outbox rows are committed with each
  // record, so a crash here loses nothing (`facteur queue` re-drives them).
  auto destinations = route::Destinations::FromPipelineFile(*pipeline_path, home);
  if (!destinations) return ReportError("run", destinations.error());
  auto delivered = route::DeliverDue(**store, **destinations);
  if (!delivered) return ReportError("run", delivered.error());
  if (!flags.Has("quiet") && (delivered->delivered + delivered->retried + delivered->dead) > 0) {
    std::fprintf(flags.Has("json") ? stderr : stdout, "  delivered %d, to retry %d, dead %d (facteur queue list)\n",
                 delivered->delivered, delivered->retried, delivered->dead);
  }
  int used_jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  reporter.Summary(*summary, used_jobs, home);
  return static_cast<int>(summary->failed > 0 ? ExitCode::kSomeFailed : ExitCode::kOk);
}

}  // namespace facteur
