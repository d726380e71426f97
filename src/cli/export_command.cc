// facteur export: an evidence package per record (issue 7).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "cli/commands.h"
#include "cli/record_json.h"
#include "core/clock.h"
#include "core/hash.h"
#include "facteur/store.h"

namespace facteur {
namespace {

namespace fs = std::filesystem;

const char kHelp[] = R"(usage: facteur export [--home DIR] --to DIR ID...

Writes one evidence package per record into DIR/<ID>/:
  original.<ext>   the original file, byte for byte, as captured
  document.pdf     the searchable PDF (when the record has one)
  record.json      the whole record: capture context, pages, class, fields
  journal.jsonl    the record's journal entries, each with its chain hashes
  seal.txt         the SHA-256 sealed at capture and the journal head
  SHA256SUMS       checked by a third party with `sha256sum -c SHA256SUMS`
                   inside the package folder
The export is journaled before the package is written, so the package's
journal shows it. DIR/<ID> must not exist yet.

exit codes: 0 every package written, 4 no such document, 5 cannot write.
)";

Status WriteText(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return Status::IOError(path.string() + ": cannot write");
  return Status::OK();
}

Status CopyInto(const std::string& from, const fs::path& to) {
  std::error_code ec;
  fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  if (ec) return Status::IOError(to.string() + ": cannot copy from " + from + ": " + ec.message());
  return Status::OK();
}

std::string Extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  return ext.empty() || ext.size() > 6 ? ".bin" : ext;
}

Status ExportOne(Store& store, const std::string& id, const fs::path& root) {
  auto doc = store.Get(id);
  if (!doc) return doc.error();
  FACTEUR_RETURN_IF_ERROR(store.AddEvent(id, Event{NowIso8601(), "export", "evidence package to " + root.string()}));
  doc = store.Get(id);  // with the export event
  if (!doc) return doc.error();
  fs::path dir = root / id;
  std::error_code ec;
  if (fs::exists(dir, ec)) return Status::InvalidArgument(dir.string() + ": already exists");
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError(dir.string() + ": cannot create: " + ec.message());

  std::vector<std::string> files;
  auto original = store.OriginalPath(id);
  if (original) {
    std::string name = "original" + Extension(doc->source.path);
    FACTEUR_RETURN_IF_ERROR(CopyInto(*original, dir / name));
    files.push_back(name);
  }
  auto pdf = store.PdfPath(id);
  if (pdf) {
    FACTEUR_RETURN_IF_ERROR(CopyInto(*pdf, dir / "document.pdf"));
    files.push_back("document.pdf");
  }
  FACTEUR_RETURN_IF_ERROR(WriteText(dir / "record.json", DocumentFull(*doc) + "\n"));
  files.push_back("record.json");
  auto journal = store.Journal(id);
  if (!journal) return journal.error();
  std::string lines, seal = "none";
  for (const JournalEntry& e : *journal) {
    lines += JournalLine(e) + "\n";
    if (e.stage == "seal") seal = e.message;
  }
  FACTEUR_RETURN_IF_ERROR(WriteText(dir / "journal.jsonl", lines));
  files.push_back("journal.jsonl");
  auto head = store.JournalHead();
  std::string head_text = head ? "#" + std::to_string(head->seq) + " " + head->hash : "none";
  FACTEUR_RETURN_IF_ERROR(WriteText(
      dir / "seal.txt", "facteur evidence package, format 1\nrecord: " + id + "\nexported: " + NowIso8601() +
                            "\ncapture sha256 of the original: " + doc->source.sha256 + "\nsealed at storage: " +
                            seal + "\njournal head at export: " + head_text + "\n"));
  files.push_back("seal.txt");

  std::string sums;
  for (const std::string& name : files) {
    auto sha = Sha256File((dir / name).string());
    if (!sha) return sha.error();
    sums += *sha + "  " + name + "\n";  // two spaces: sha256sum's text mode
  }
  FACTEUR_RETURN_IF_ERROR(WriteText(dir / "SHA256SUMS", sums));
  std::printf("%s -> %s (%zu files)\n", id.c_str(), dir.string().c_str(), files.size());
  return Status::OK();
}

}  // namespace

int ExportCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("export", args, {{"home", true}, {"to", true}}, kHelp, flags, code)) return code;
  if (!flags.Has("to")) return ReportError("export", Status::InvalidArgument("give --to DIR"));
  if (flags.positional().empty()) return ReportError("export", Status::InvalidArgument("give at least one ID"));
  auto store = OpenSqliteStore(HomeDir(flags));
  if (!store) return ReportError("export", store.error());
  for (const std::string& id : flags.positional()) {
    Status s = ExportOne(**store, id, fs::path(flags.Get("to")));
    if (!s.ok()) return ReportError("export", s.WithContext(id));
  }
  return 0;
}

}  // namespace facteur
