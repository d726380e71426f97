// facteur cleanup: runs a pipeline's cleanup steps on files and writes the
// images they make, with what each step did and how long it took. For
// operators tuning a pipeline, and for tools/bench-ocr and tools/bench-cleanup.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "cli/commands.h"
#include "facteur/importer.h"
#include "ocr/leptonica_image.h"

namespace facteur {
namespace {

namespace fs = std::filesystem;

const char kHelp[] = R"(usage: facteur cleanup [--pipeline FILE] [--out DIR] [--format png|pnm|tif] [--json] FILE...

Runs the cleanup steps of a pipeline (its cleanup.* stages, in the file's
order, with their fax overrides on fax pages) on each page of each FILE and
writes, into --out DIR (default: cleanup-out):

  NAME-pN.png       the page as displayed and archived (turned upright)
  NAME-pN.ocr.png   the enhanced copy that OCR reads, when a step made one

Nothing is stored and nothing is OCR'd: this shows what the pipeline's
cleanup does to a page, so you can tune it before a run. For each page it
prints what each step did (angle found, rotation, blank score...) and the
milliseconds each step took; --json prints one JSON object per page instead.
With --format pnm, bilevel copies are written as 1-bit .pbm, others as .pgm/.ppm.

examples:
  facteur cleanup --pipeline fax scan.tif
  facteur cleanup --json --out /tmp/c letters/*.pdf

exit codes: 0 done, 2 usage or pipeline error, 3 a file could not be read.
)";

using Clock = std::chrono::steady_clock;

constexpr char kDefaultOut[] = "cleanup-out";

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct CleanupWorker {
  std::string name;
  std::unique_ptr<PageWorker> worker;
};

Result<std::vector<CleanupWorker>> CleanupWorkers(const Pipeline& pipeline) {
  std::vector<CleanupWorker> workers;
  for (const auto& stage : pipeline.page_stages) {
    if (stage->Name().rfind("cleanup.", 0) != 0) continue;
    auto worker = stage->NewWorker();
    if (!worker) return Err(worker.error());
    workers.push_back({std::string(stage->Name()), std::move(*worker)});
  }
  return workers;
}

std::string Extension(const std::string& format, const Image& image) {
  if (format == "pnm") return IsBilevel(image) ? ".pbm" : image.format() == PixelFormat::kRgb8 ? ".ppm" : ".pgm";
  if (format == "tif") return ".tif";
  return ".png";
}

// Cleans every page of `path`; prints one report per page. Errors name the file.
Status CleanFile(const std::string& path, const Pipeline& pipeline, std::vector<CleanupWorker>& workers,
                 const Flags& flags) {
  const std::string out_dir = flags.Get("out", kDefaultOut);
  const std::string format = flags.Get("format", "png");
  auto source = OpenImport(path, pipeline.import);
  if (!source) return source.error();  // names the file already
  Document doc;
  doc.source.path = path;
  doc.source.format = (*source)->Format();
  const std::string stem = fs::path(path).stem().string();
  for (int i = 0; i < (*source)->PageCount(); ++i) {
    Clock::time_point start = Clock::now();
    auto page = (*source)->ReadPage(i);
    if (!page) return page.error().WithContext(path);
    page->index = i;
    page->source_index = i;
    const double import_ms = MsSince(start);
    Poco::JSON::Array steps;
    double cleanup_ms = 0;
    for (CleanupWorker& w : workers) {
      start = Clock::now();
      Status s = w.worker->Run(*page, doc, out_dir);
      const double ms = MsSince(start);
      if (!s.ok()) return s.WithContext(path + " page " + std::to_string(i + 1) + " " + w.name);
      cleanup_ms += ms;
      Poco::JSON::Object::Ptr step = new Poco::JSON::Object;
      step->set("stage", w.name);
      step->set("ms", ms);
      steps.add(step);
    }
    const std::string base = out_dir + "/" + stem + "-p" + std::to_string(i + 1);
    const std::string display = base + Extension(format, page->image);
    FACTEUR_RETURN_IF_ERROR(WriteImageFile(page->image, display));
    std::string ocr;
    if (!page->ocr_image.empty()) {
      ocr = base + ".ocr" + Extension(format, page->ocr_image);
      FACTEUR_RETURN_IF_ERROR(WriteImageFile(page->ocr_image, ocr));
    }
    if (flags.Has("json")) {
      Poco::JSON::Object o;
      o.set("file", path);
      o.set("page", i + 1);
      o.set("fax", page->is_fax);
      o.set("width", page->image.width());
      o.set("height", page->image.height());
      o.set("blank", page->blank);
      o.set("blank_score", page->blank_score);
      Poco::JSON::Array notes;
      for (const std::string& n : page->notes) notes.add(n);
      o.set("notes", notes);
      o.set("steps", steps);
      o.set("import_ms", import_ms);
      o.set("cleanup_ms", cleanup_ms);
      o.set("display", display);
      o.set("ocr", ocr);
      std::ostringstream line;
      o.stringify(line);
      std::printf("%s\n", line.str().c_str());
    } else {
      std::printf("%s page %d: %dx%d%s, cleanup %.0f ms -> %s%s%s\n", path.c_str(), i + 1, page->image.width(),
                  page->image.height(), page->is_fax ? " fax" : "", cleanup_ms, display.c_str(),
                  ocr.empty() ? "" : ", ", ocr.c_str());
      for (const std::string& n : page->notes) std::printf("  %s\n", n.c_str());
      for (size_t k = 0; k < steps.size(); ++k) {
        auto step = steps.getObject(static_cast<unsigned>(k));
        std::printf("  %-20s %7.1f ms\n", step->getValue<std::string>("stage").c_str(), step->getValue<double>("ms"));
      }
    }
    std::fflush(stdout);
  }
  return Status::OK();
}

}  // namespace

int CleanupCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("cleanup", args, {{"pipeline", true}, {"out", true}, {"format", true}, {"json", false}}, kHelp,
                   flags, code))
    return code;
  if (flags.positional().empty()) return ReportError("cleanup", Status::InvalidArgument("give at least one FILE"));
  const std::string format = flags.Get("format", "png");
  if (format != "png" && format != "pnm" && format != "tif")
    return ReportError("cleanup", Status::InvalidArgument("--format must be png, pnm or tif, not '" + format + "'"));
  auto path = PipelinePath(flags);
  if (!path) return ReportError("cleanup", path.error());
  auto pipeline = LoadPipeline(*path);
  if (!pipeline) return ReportError("cleanup", pipeline.error());
  auto workers = CleanupWorkers(*pipeline);
  if (!workers) return ReportError("cleanup", workers.error());
  std::error_code ec;
  const std::string out_dir = flags.Get("out", kDefaultOut);
  fs::create_directories(out_dir, ec);
  if (ec) return ReportError("cleanup", Status::IOError(out_dir + ": " + ec.message()));
  int failed = 0;
  for (const std::string& file : flags.positional()) {
    Status s = CleanFile(file, *pipeline, *workers, flags);
    if (!s.ok()) {
      ReportError("cleanup", s);
      ++failed;
    }
  }
  return failed == 0 ? 0 : static_cast<int>(ExitCode::kSomeFailed);
}

}  // namespace facteur
