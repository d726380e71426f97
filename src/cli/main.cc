// facteur: the one executable; a table of subcommands (ninja-style).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>

#include "cli/commands.h"
#include "core/stage_registry.h"

namespace facteur {
namespace {

struct Command {
  const char* name;
  int (*run)(const Args&);
  const char* summary;
};

const Command kCommands[] = {
    {"run", RunCommand, "take scans and faxes through the pipeline into the store"},
    {"search", SearchCommand, "find stored documents by their words"},
    {"show", ShowCommand, "show one stored record, its text or its JSON"},
    {"stages", StagesCommand, "list the stages a pipeline file can use"},
    {"cleanup", CleanupCommand, "preview a pipeline's cleanup steps on files (images, notes, timings)"},
    {"train", TrainCommand, "train the text classifier from labelled folders"},
    {"eval", EvalCommand, "measure a pipeline on labelled folders (accuracy, calibration)"},
    {"watch", WatchCommand, "take files dropped into watched folders, each exactly once"},
    {"status", StatusCommand, "show the watched-folder intake's counters"},
    {"customers", CustomersCommand, "import the customer directory that documents are matched to"},
    {"queue", QueueCommand, "see and re-drive deliveries to CRM/GED queues"},
    {"review", ReviewCommand, "correct documents in review: class, fields, re-route"},
    {"verify", VerifyCommand, "prove stored files and the journal were not altered"},
    {"checkpoint", CheckpointCommand, "export the journal's head for a third party to hold"},
    {"export", ExportCommand, "write evidence packages (original, PDF, record, journal, SHA256SUMS)"},
    {"hold", HoldCommand, "put a legal hold on records, or release it"},
    {"purge", PurgeCommand, "delete records past retention and not on hold, leaving tombstones"},
    {"serve", ServeCommand, "serve the archivists' web page: search, records, downloads"},
};

void Usage(FILE* out) {
  std::fprintf(out,
               "usage: facteur COMMAND [options] [args]\n\n"
               "facteur turns inbound paper mail and faxes into indexed, searchable records.\n\n"
               "commands:\n");
  for (const Command& c : kCommands) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(out,
               "\n`facteur COMMAND --help` tells more about each.\n"
               "The store lives in --home DIR (default: $FACTEUR_HOME, else ./var).\n"
               "Each Tesseract engine gets one OpenMP thread (OMP_THREAD_LIMIT=1) unless\n"
               "OMP_THREAD_LIMIT is set; `facteur --version` shows the version and the limit.\n\n"
               "exit codes: 0 ok, 1 internal error, 2 usage error, 3 some documents failed,\n"
               "  4 not found, 5 the run could not go on.\n");
}

// Debian's libtesseract links libgomp, which reads OMP_THREAD_LIMIT once, as
// the program loads: a setenv() later changes nothing. Unlimited, every
// Tesseract engine runs up to four spinning OpenMP threads per page, which
// fight each other and facteur's own workers (tesseract #3109; on 2 cores
// with a second job running, a typescript crop read in 4.7 s instead of
// 0.8 s). So unless the caller chose a value, facteur sets it to 1 and starts
// itself again, once. If that fails (no /proc), it goes on.
void LimitOpenMpThreads(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);
}

}  // namespace

int StagesCommand(const Args& args) {
  if (WantsHelp(args)) {
    std::puts("usage: facteur stages\n\nLists the stages a pipeline file can name, with what each does.");
    return 0;
  }
  std::printf("  %-20s %s\n", "import", "open TIFF/PDF/PNG/JPEG/BMP/PNM originals, normalise fax pages");
  for (const auto& [name, summary] : BuiltinStages().List()) std::printf("  %-20s %s\n", name.c_str(), summary.c_str());
  return 0;
}

}  // namespace facteur

int main(int argc, char** argv) {
  using namespace facteur;
  LimitOpenMpThreads(argv);
  if (argc < 2) {
    Usage(stderr);
    return static_cast<int>(ExitCode::kUsage);
  }
  std::string name = argv[1];
  if (name == "-h" || name == "--help" || name == "help") {
    Usage(stdout);
    return 0;
  }
  if (name == "--version" || name == "version") {
    const char* omp = std::getenv("OMP_THREAD_LIMIT");
    std::printf("facteur %s\nOpenMP threads per Tesseract engine: %s (OMP_THREAD_LIMIT)\n", FACTEUR_VERSION,
                omp != nullptr ? omp : "no limit");
    return 0;
  }
  Args args(argv + 2, argv + argc);
  for (const Command& c : kCommands) {
    if (name != c.name) continue;
    try {
      return c.run(args);
    } catch (const std::exception& e) {  // last resort: adapters turn exceptions into Status
      std::fprintf(stderr, "facteur %s: internal error: %s\n", c.name, e.what());
      return static_cast<int>(ExitCode::kInternal);
    }
  }
  std::fprintf(stderr, "facteur: unknown command '%s'\n\n", name.c_str());
  Usage(stderr);
  return static_cast<int>(ExitCode::kUsage);
}
