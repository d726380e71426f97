// facteur show: one stored record, its text, or its JSON.
#include <cstdio>

#include "cli/commands.h"
#include "cli/record_json.h"
#include "facteur/store.h"

namespace facteur {
namespace {

const char kHelp[] = R"(usage: facteur show [options] ID

Shows a stored record: capture context (source, SHA-256, received time),
pages, class and confidence with the evidence, status, files and the
processing events.

options:
  --home DIR    store folder (default: $FACTEUR_HOME, else ./var)
  --json        the whole record as one JSON object
  --text        the document's text only, pages in order, separated by a
                form feed (as pdftotext does)
  -h, --help    this help

exit codes: 0, 2 bad options, 4 no such document, 5 store not readable.
)";

void PrintRecord(Store& store, const Document& doc) {
  std::printf("id          %s\n", doc.id.c_str());
  std::printf("status      %s%s%s\n", DocStatusName(doc.status), doc.error.empty() ? "" : ": ", doc.error.c_str());
  std::printf("source      %s (%s, %lld bytes, %s)\n", doc.source.path.c_str(), doc.source.format.c_str(),
              static_cast<long long>(doc.source.bytes), ChannelName(doc.source.channel));
  std::printf("sha256      %s\n", doc.source.sha256.c_str());
  std::printf("received    %s\n", doc.source.received.c_str());
  for (const auto& [k, v] : doc.source.context) std::printf("  %-10s %s\n", k.c_str(), v.c_str());
  std::printf("class       %s (confidence %.2f)\n", doc.classification.label.c_str(), doc.classification.confidence);
  if (!doc.classification.reason.empty()) std::printf("  evidence  %s\n", doc.classification.reason.c_str());
  for (const Candidate& c : doc.classification.candidates)
    std::printf("  candidate %s %.2f\n", c.label.c_str(), c.confidence);
  for (const auto& [name, field] : doc.fields)
    std::printf("field       %s = %s (%.2f)\n", name.c_str(), field.value.c_str(), field.confidence);
  std::printf("pages       %zu\n", doc.pages.size());
  for (const Page& p : doc.pages) {
    std::printf("  page %d: %dx%d px at %.0f dpi, %s, confidence %.0f%s%s\n", p.index + 1, p.width, p.height, p.dpi,
                p.has_text_layer ? "text layer" : "OCR", p.text.mean_confidence, p.is_fax ? ", fax" : "",
                p.ocr_failed ? ", OCR FAILED" : "");
    for (const std::string& n : p.notes) std::printf("    %s\n", n.c_str());
  }
  if (auto original = store.OriginalPath(doc.id)) std::printf("original    %s\n", original->c_str());
  if (auto pdf = store.PdfPath(doc.id)) std::printf("pdf         %s\n", pdf->c_str());
  std::printf("events\n");
  for (const Event& e : doc.events)
    std::printf("  %s  %-16s %s\n", e.time.c_str(), e.stage.c_str(), e.message.c_str());
}

}  // namespace

int ShowCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("show", args, {{"home", true}, {"json", false}, {"text", false}}, kHelp, flags, code))
    return code;
  if (flags.positional().size() != 1)
    return ReportError("show", Status::InvalidArgument("give one document id (see --help)"));
  if (flags.Has("json") && flags.Has("text"))
    return ReportError("show", Status::InvalidArgument("--json and --text do not go together"));
  auto store = OpenSqliteStore(HomeDir(flags));
  if (!store) return ReportError("show", store.error());
  auto doc = (*store)->Get(flags.positional()[0]);
  if (!doc) return ReportError("show", doc.error());
  if (flags.Has("json")) {
    std::printf("%s\n", DocumentFull(*doc).c_str());
  } else if (flags.Has("text")) {
    std::string text = doc->Text();
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (text.empty() || text.back() != '\n') std::printf("\n");
  } else {
    PrintRecord(**store, *doc);
  }
  return 0;
}

}  // namespace facteur
