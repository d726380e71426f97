// facteur review: operators look at the documents in review and correct
// their class and fields; a correction re-routes the record, is journaled,
// and becomes a labelled example for the next `facteur train`.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include "cli/commands.h"
#include "core/clock.h"
#include "core/files.h"
#include "facteur/store.h"
#include "route/correction.h"

namespace facteur {
namespace {

const char kHelp[] = R"(usage: facteur review list | show ID | set ID --class C [--field k=v]...

Documents the pipeline was not sure of (status review: low confidence, no
class, a quality problem) wait for an operator.

  list      documents in review, newest first, with the classifier's top 3
            candidates and their confidence
  show ID   one document in review: candidates, evidence, fields, text
  set ID    correct it: --class C sets the class, each --field name=value
            sets a field (--field name= removes it). The record leaves
            review (status done), the correction is journaled (who, what,
            when), the document is re-routed by the pipeline's route rules
            (new deliveries in the outbox: `facteur queue deliver` sends
            them), and the text with its class is saved as a labelled
            example HOME/training/ID.txt + ID.json, a folder `facteur train`
            reads.

ID may be a unique prefix of the id of a document in review.

options:
  --home DIR        store folder (default: $FACTEUR_HOME, else ./var)
  --pipeline FILE   pipeline whose route rules re-route (default: default.yaml)
  --operator WHO    who corrects (default: $USER)
  --limit N         documents listed (default 100)

exit codes: 0, 2 bad options, 4 no such document, 5 store not readable.
)";

// The id itself when stored; else the one document in review whose id
// starts with `given`.
Result<std::string> ResolveId(Store& store, const std::string& given) {
  auto doc = store.Get(given);
  if (doc) return given;
  if (doc.error().code() != Status::Code::kNotFound) return Err(doc.error());
  SearchQuery q;
  q.status = "review";
  q.limit = 1 << 20;
  auto hits = store.Search(q);
  if (!hits) return Err(hits.error());
  std::vector<std::string> found;
  for (const SearchHit& h : *hits) {
    if (h.id.compare(0, given.size(), given) == 0) found.push_back(h.id);
  }
  if (found.empty()) return Err(Status::NotFound("no document '" + given + "' (nor one in review starting so)"));
  if (found.size() > 1) {
    return Err(Status::InvalidArgument("'" + given + "' is ambiguous: " + found[0] + ", " + found[1] +
                                       (found.size() > 2 ? ", ..." : "")));
  }
  return found[0];
}

std::string Candidates(const Document& doc) {
  std::string out;
  for (size_t i = 0; i < doc.classification.candidates.size() && i < 3; ++i) {
    const Candidate& c = doc.classification.candidates[i];
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s%s %.2f", i ? ", " : "", c.label.c_str(), c.confidence);
    out += buf;
  }
  return out.empty() ? "-" : out;
}

int List(Store& store, int limit) {
  SearchQuery q;
  q.status = "review";
  q.limit = limit;
  auto hits = store.Search(q);
  if (!hits) return ReportError("review", hits.error());
  std::printf("%-24s %-20s %-22s %s\n", "document", "received", "class", "candidates");
  for (const SearchHit& h : *hits) {
    auto doc = store.Get(h.id);
    if (!doc) return ReportError("review", doc.error());
    char cls[64];
    std::snprintf(cls, sizeof cls, "%s %.2f", doc->classification.label.empty() ? "-" : doc->classification.label.c_str(),
                  doc->classification.confidence);
    std::printf("%-24s %-20s %-22s %s\n", doc->id.c_str(), doc->source.received.c_str(), cls,
                Candidates(*doc).c_str());
  }
  std::printf("%zu document(s) in review\n", hits->size());
  return 0;
}

void Show(const Document& doc) {
  std::printf("id          %s\n", doc.id.c_str());
  std::printf("status      %s%s%s\n", DocStatusName(doc.status), doc.error.empty() ? "" : ": ", doc.error.c_str());
  std::printf("source      %s (%s)\n", doc.source.path.c_str(), ChannelName(doc.source.channel));
  std::printf("received    %s\n", doc.source.received.c_str());
  std::printf("class       %s (confidence %.2f)\n", doc.classification.label.c_str(), doc.classification.confidence);
  if (!doc.classification.reason.empty()) std::printf("  evidence  %s\n", doc.classification.reason.c_str());
  std::printf("candidates  %s\n", Candidates(doc).c_str());
  for (const auto& [name, field] : doc.fields)
    std::printf("field       %s = %s (%.2f)\n", name.c_str(), field.value.c_str(), field.confidence);
  for (const Page& p : doc.pages) {
    for (const std::string& f : p.quality_flags) std::printf("flag        page %d: %s\n", p.index + 1, f.c_str());
  }
  std::string queues;
  for (const std::string& q : doc.queues) queues += (queues.empty() ? "" : ", ") + q;
  std::printf("queues      %s\n", queues.empty() ? "-" : queues.c_str());
  std::printf("text\n%s\n", doc.Text().c_str());
}

// temp file beside, fsync, rename: `facteur train` never reads half an example.
Status WriteAtomically(const std::string& path, const std::string& bytes) {
  const std::string temp = path + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError(path + ": cannot create");
  bool ok = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    return Status::IOError(path + ": cannot write");
  }
  return Status::OK();
}

// HOME/training/<id>.txt and <id>.json ({"class": ...}): the sidecar form
// LoadLabelledFolders reads. The JSON lands last; one pair per document,
// so a second correction replaces the first.
Result<std::string> SaveExample(const std::string& home, const Document& doc, const route::Correction& c) {
  const std::string dir = home + "/training";
  if (Status s = MakeDirs(dir); !s.ok()) return Err(s);
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("class", c.label);
  o->set("document_id", doc.id);
  Poco::JSON::Object::Ptr fields = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [name, f] : doc.fields) fields->set(name, f.value);
  o->set("fields", fields);
  o->set("corrected_by", c.who);
  o->set("corrected", c.time);
  o->set("source_sha256", doc.source.sha256);
  std::ostringstream json;
  Poco::JSON::Stringifier::stringify(o, json, 2);
  const std::string base = dir + "/" + doc.id;
  if (Status s = WriteAtomically(base + ".txt", doc.Text()); !s.ok()) return Err(s);
  if (Status s = WriteAtomically(base + ".json", json.str() + "\n"); !s.ok()) return Err(s);
  return base + ".txt";
}

int Set(const Flags& flags, Store& store, const std::string& home, const std::string& id) {
  if (!flags.Has("class")) return ReportError("review", Status::InvalidArgument("set needs --class C"));
  const char* user = std::getenv("USER");
  route::Correction c{.label = flags.Get("class"), .fields = {},
                      .who = flags.Has("operator") ? flags.Get("operator") : (user && *user ? user : "unknown"),
                      .time = NowIso8601()};
  auto fields = flags.GetPairs("field");
  if (!fields) return ReportError("review", fields.error());
  c.fields = std::move(*fields);
  auto pipeline = PipelinePath(flags);
  if (!pipeline) return ReportError("review", pipeline.error());
  auto table = route::RouteTableFromPipelineFile(*pipeline);
  if (!table) return ReportError("review", table.error());
  auto doc = store.Get(id);
  if (!doc) return ReportError("review", doc.error());
  if (Status s = route::ApplyCorrection(*doc, c, *table); !s.ok()) return ReportError("review", s);
  // One transaction: the record, its new outbox rows and the journaled events.
  if (Status s = store.Put(*doc); !s.ok()) return ReportError("review", s);
  auto example = SaveExample(home, *doc, c);
  if (!example) return ReportError("review", example.error().WithContext(id + ": corrected, but the example"));
  std::string queues;
  for (const std::string& q : doc->queues) queues += (queues.empty() ? "" : ", ") + q;
  std::printf("%s: class %s, status done, routed to %s\nexample %s\n", id.c_str(), c.label.c_str(),
              queues.empty() ? "nothing" : queues.c_str(), example->c_str());
  return 0;
}

}  // namespace

int ReviewCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("review", args,
                   {{"home", true}, {"pipeline", true}, {"class", true}, {"operator", true}, {"limit", true},
                    {"field", true, true}},
                   kHelp, flags, code))
    return code;
  const auto& pos = flags.positional();
  if (pos.empty()) return ReportError("review", Status::InvalidArgument("give an action: list, show, set"));
  auto limit = flags.GetInt("limit", 100, 1, 1000000);
  if (!limit) return ReportError("review", limit.error());
  const std::string home = HomeDir(flags);
  auto store = OpenSqliteStore(home);
  if (!store) return ReportError("review", store.error());
  if (pos[0] == "list" && pos.size() == 1) return List(**store, static_cast<int>(*limit));
  if ((pos[0] == "show" || pos[0] == "set") && pos.size() == 2) {
    auto id = ResolveId(**store, pos[1]);
    if (!id) return ReportError("review", id.error());
    if (pos[0] == "set") return Set(flags, **store, home, *id);
    auto doc = (*store)->Get(*id);
    if (!doc) return ReportError("review", doc.error());
    Show(*doc);
    return 0;
  }
  return ReportError("review", Status::InvalidArgument("bad action '" + pos[0] + "' or arguments (see --help)"));
}

}  // namespace facteur
