// facteur search: full-text search over the stored records.
#include <cstdio>

#include "cli/commands.h"
#include "cli/record_json.h"
#include "facteur/store.h"

namespace facteur {
namespace {

const char kHelp[] = R"(usage: facteur search [options] QUERY...

Finds stored documents by their text, best first (BM25), with a snippet
where the hits are marked [like this]. Accent- and case-insensitive:
`resiliation` finds "Résiliation". The words of QUERY must all appear.

query syntax (SQLite FTS5):
  word1 word2        both words (AND)
  "mettre fin"       a phrase
  résili*            a prefix: résilier, résiliation...
  a OR b, a NOT b    boolean operators (upper case)

options:
  --home DIR    store folder (default: $FACTEUR_HOME, else ./var)
  --limit N     at most N hits (default 20)
  --offset N    skip the first N hits (paging)
  --json        JSON Lines: id, score, class, source, snippet
  -h, --help    this help

exit codes: 0 (also when nothing matches), 2 bad query or options,
  5 store not readable.
)";

}  // namespace

int SearchCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("search", args, {{"home", true}, {"limit", true}, {"offset", true}, {"json", false}}, kHelp,
                   flags, code))
    return code;
  if (flags.positional().empty()) return ReportError("search", Status::InvalidArgument("give a query (see --help)"));
  auto limit = flags.GetInt("limit", 20, 1, 10000);
  if (!limit) return ReportError("search", limit.error());
  auto offset = flags.GetInt("offset", 0, 0, 100000000);
  if (!offset) return ReportError("search", offset.error());
  SearchQuery query;
  for (const std::string& word : flags.positional()) query.text += (query.text.empty() ? "" : " ") + word;
  query.limit = static_cast<int>(*limit);
  query.offset = static_cast<int>(*offset);

  auto store = OpenSqliteStore(HomeDir(flags));
  if (!store) return ReportError("search", store.error());
  auto hits = (*store)->Search(query);
  if (!hits) return ReportError("search", hits.error());
  if (flags.Has("json")) {
    for (const SearchHit& hit : *hits) std::printf("%s\n", HitLine(hit).c_str());
    return 0;
  }
  if (hits->empty()) {
    std::printf("no document matches %s\n", query.text.c_str());
    return 0;
  }
  int rank = query.offset;
  for (const SearchHit& hit : *hits) {
    std::printf("%2d. %s  %-20s %6.2f  %s\n    %s\n", ++rank, hit.id.c_str(), hit.label.c_str(), hit.score,
                hit.source.c_str(), hit.snippet.c_str());
  }
  return 0;
}

}  // namespace facteur
