// facteur hold and facteur purge: legal holds and retention (issue 7).
#include <cstdio>
#include <ctime>
#include <map>

#include "cli/commands.h"
#include "core/clock.h"
#include "core/files.h"
#include "facteur/settings.h"
#include "facteur/store.h"

namespace facteur {
namespace {

const char kHoldHelp[] = R"(usage: facteur hold [--home DIR] [--release] [--reason TEXT] ID...

Puts a legal hold on records (or, with --release, lifts it). A held record is
never purged, whatever its retention period. Each change is journaled.

exit codes: 0 done, 4 no such document, 5 store not writable.
)";

const char kPurgeHelp[] = R"(usage: facteur purge [--home DIR] [--pipeline FILE] [--dry-run] [--today YYYY-MM-DD]

Deletes the records whose retention period has ended and that are not on
legal hold: their rows, searchable PDF and original (unless another record
shares it). Each leaves a tombstone in the journal with the hashes it had, so
`facteur verify` still walks an unbroken chain. Retention periods come from
the pipeline file, in years after the received date:

  retention:
    invoice: 10        # class: years
    "*": 5             # every other class; without it, other classes are kept

--dry-run lists what would go; --today fixes the date (default: today, UTC).

exit codes: 0 done, 2 bad retention section, 5 store not writable.
)";

std::string Today() { return FormatUtc(std::time(nullptr), "%Y-%m-%d"); }

Result<std::map<std::string, int>> RetentionYears(const std::string& pipeline_path) {
  auto text = ReadFile(pipeline_path);
  if (!text) return Err(text.error());
  auto root = Settings::Parse(*text, pipeline_path);
  if (!root) return Err(root.error());
  auto section = root->Child("retention");
  if (!section) return Err(section.error());
  std::map<std::string, int> years;
  for (const std::string& label : section->Keys()) {
    auto n = section->Int(label, -1);
    if (!n) return Err(n.error());
    if (*n < 0 || *n > 200) return Err(section->Error("retention of '" + label + "' must be 0..200 years"));
    years[label] = static_cast<int>(*n);
  }
  return years;
}

}  // namespace

int HoldCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("hold", args, {{"home", true}, {"release", false}, {"reason", true}}, kHoldHelp, flags, code))
    return code;
  if (flags.positional().empty()) return ReportError("hold", Status::InvalidArgument("give at least one ID"));
  auto store = OpenSqliteStore(HomeDir(flags));
  if (!store) return ReportError("hold", store.error());
  bool on = !flags.Has("release");
  for (const std::string& id : flags.positional()) {
    Status s = (*store)->SetHold(id, on, flags.Get("reason"));
    if (!s.ok()) return ReportError("hold", s);
    std::printf("%s %s\n", id.c_str(), on ? "on hold" : "released");
  }
  return 0;
}

int PurgeCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("purge", args, {{"home", true}, {"pipeline", true}, {"dry-run", false}, {"today", true}},
                   kPurgeHelp, flags, code))
    return code;
  auto pipeline = PipelinePath(flags);
  if (!pipeline) return ReportError("purge", pipeline.error());
  auto years = RetentionYears(*pipeline);
  if (!years) return ReportError("purge", years.error());
  std::string today = flags.Get("today", Today());
  if (today.size() != 10 || today[4] != '-' || today[7] != '-')
    return ReportError("purge", Status::InvalidArgument("--today '" + today + "' is not a date YYYY-MM-DD"));
  auto store = OpenSqliteStore(HomeDir(flags));
  if (!store) return ReportError("purge", store.error());
  auto purged = (*store)->Purge(*years, today, flags.Has("dry-run"));
  if (!purged) return ReportError("purge", purged.error());
  for (const std::string& id : *purged) std::printf("%s %s\n", flags.Has("dry-run") ? "would purge" : "purged", id.c_str());
  std::fprintf(stderr, "facteur purge: %zu record(s) %s\n", purged->size(), flags.Has("dry-run") ? "due" : "purged");
  return 0;
}

}  // namespace facteur
