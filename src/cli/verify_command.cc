// facteur verify and facteur checkpoint: the integrity checks of issue 7.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "core/clock.h"
#include "core/files.h"
#include "facteur/store.h"

namespace facteur {
namespace {

const char kVerifyHelp[] = R"(usage: facteur verify [options] [ID...]

Proves that nothing was altered since capture. Walks the whole journal (a
hash chain over every event of every record: an edited, deleted, inserted
or reordered entry breaks it), then re-hashes the stored original and
searchable PDF of each ID (every record when none is given) against the
SHA-256 the journal sealed when they were stored. Each problem is printed
on its own line: ALTERED <id>: <what>.

options:
  --home DIR           store folder (default: $FACTEUR_HOME, else ./var)
  --checkpoint FILE    also check that the chain still holds the head
                       written by `facteur checkpoint` (catches a rewritten
                       or truncated journal)
  -h, --help           this help

exit codes: 0 nothing altered, 3 something was altered (see the lines),
  4 no such document, 5 store not readable.
)";

const char kCheckpointHelp[] = R"(usage: facteur checkpoint --to FILE [--home DIR]

Writes the journal's head (newest entry's seq and hash) to FILE, for a third
party to keep: any later rewrite of the journal up to that entry is detected
by `facteur verify --checkpoint FILE`. See docs/integrity.md for sealing the
file with a qualified timestamp (RFC 3161) or an electronic seal.
)";

struct Checkpoint {
  int64_t seq = 0;
  std::string hash;
};

Result<Checkpoint> ReadCheckpoint(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text) return Err(text.error());
  std::istringstream in(*text);
  Checkpoint cp;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("seq: ", 0) == 0) cp.seq = std::atoll(line.c_str() + 5);
    if (line.rfind("hash: ", 0) == 0) cp.hash = line.substr(6);
  }
  if (cp.seq <= 0 || cp.hash.size() != 64) {
    return Err(Status::InvalidArgument(path + ": not a facteur checkpoint (want 'seq: N' and 'hash: HEX' lines)"));
  }
  return cp;
}

// The problem with `cp`, or "" when the chain still holds it.
Result<std::string> CheckCheckpoint(Store& store, const Checkpoint& cp) {
  auto entries = store.Journal("");
  if (!entries) return Err(entries.error());
  for (const JournalEntry& e : *entries) {
    if (e.seq != cp.seq) continue;
    if (e.hash == cp.hash) return std::string();
    return "checkpoint: journal entry #" + std::to_string(cp.seq) + " now has hash " + e.hash +
           ", the checkpoint holds " + cp.hash + " (journal rewritten)";
  }
  return "checkpoint: journal entry #" + std::to_string(cp.seq) + " is gone (journal truncated)";
}

}  // namespace

int VerifyCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("verify", args, {{"home", true}, {"checkpoint", true}}, kVerifyHelp, flags, code)) return code;
  auto store = OpenSqliteStore(HomeDir(flags));
  if (!store) return ReportError("verify", store.error());
  auto problems = (*store)->Verify(flags.positional());
  if (!problems) return ReportError("verify", problems.error());
  if (flags.Has("checkpoint")) {
    auto cp = ReadCheckpoint(flags.Get("checkpoint"));
    if (!cp) return ReportError("verify", cp.error());
    auto what = CheckCheckpoint(**store, *cp);
    if (!what) return ReportError("verify", what.error());
    if (!what->empty()) problems->push_back({"", *what});
  }
  for (const IntegrityProblem& p : *problems) {
    std::printf("ALTERED %s: %s\n", p.document_id.empty() ? "journal" : p.document_id.c_str(), p.what.c_str());
  }
  auto head = (*store)->JournalHead();
  std::string head_text = head ? "#" + std::to_string(head->seq) + " " + head->hash : "empty journal";
  if (!problems->empty()) {
    std::fprintf(stderr, "facteur verify: %zu problem(s) found; journal head %s\n", problems->size(),
                 head_text.c_str());
    return static_cast<int>(ExitCode::kSomeFailed);
  }
  std::printf("verified: %s, journal head %s\n",
              flags.positional().empty() ? "every record" : (std::to_string(flags.positional().size()) + " record(s)").c_str(),
              head_text.c_str());
  return 0;
}

int CheckpointCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("checkpoint", args, {{"home", true}, {"to", true}}, kCheckpointHelp, flags, code)) return code;
  if (!flags.Has("to")) return ReportError("checkpoint", Status::InvalidArgument("give --to FILE"));
  auto store = OpenSqliteStore(HomeDir(flags));
  if (!store) return ReportError("checkpoint", store.error());
  auto head = (*store)->JournalHead();
  if (!head) return ReportError("checkpoint", head.error());
  std::error_code ec;
  std::string home = std::filesystem::absolute(HomeDir(flags), ec).string();
  std::string path = flags.Get("to"), tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "facteur journal checkpoint, format 1\n"
        << "written: " << NowIso8601() << "\n"
        << "home: " << home << "\n"
        << "seq: " << head->seq << "\n"
        << "time: " << head->time << "\n"
        << "hash: " << head->hash << "\n";
    out.close();
    if (!out) return ReportError("checkpoint", Status::IOError(tmp + ": cannot write"));
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) return ReportError("checkpoint", Status::IOError(path + ": cannot write: " + ec.message()));
  std::printf("checkpoint #%lld %s -> %s\n", static_cast<long long>(head->seq), head->hash.c_str(), path.c_str());
  return 0;
}

}  // namespace facteur
