// facteur search: full-text search over the stored records, with filters.
#include <cstdio>

#include "cli/commands.h"
#include "cli/record_json.h"
#include "facteur/store.h"

namespace facteur {
namespace {

const char kHelp[] = R"(usage: facteur search [options] [QUERY...]

Finds stored documents by their text, best first (BM25), with a snippet
where the hits are marked [like this]. Accent- and case-insensitive:
`resiliation` finds "Résiliation". The words of QUERY must all appear.
Each plain word also matches its relatives through a light French/English
stemmer read as a prefix: `résilier` finds "résiliation" and "résilié",
`factures` finds "facturation" (--exact turns this off). With no QUERY, the
records the filters select are listed, newest received first.
Speed bound: when more than 5,000 records match, the first pages rank the
5,000 most recently stored of them (true BM25 scores; --count stays exact).
Add words or filters to narrow an older search, or page past 5,000.

query syntax (SQLite FTS5):
  word1 word2        both words (AND)
  "mettre fin"       a phrase (never stemmed)
  résili*            a prefix: résilier, résiliation...
  a OR b, a NOT b    boolean operators (upper case)

filters (all must hold):
  --class LABEL       classified as LABEL
  --customer VALUE    a field named customer... has VALUE (case ignored)
  --contract VALUE    a field named contract... has VALUE (case ignored)
  --field NAME=VALUE  the field NAME has VALUE (case ignored); repeatable
  --from YYYY-MM-DD   received on or after that day (UTC)
  --to YYYY-MM-DD     received on or before that day (UTC)
  --queue NAME        routed to that queue
  --status S          done, review, duplicate or failed
  --source CHANNEL    how it came: batch, fax or folder

options:
  --home DIR    store folder (default: $FACTEUR_HOME, else ./var)
  --limit N     at most N hits (default 20)
  --offset N    skip the first N hits (paging)
  --count       print only how many records match
  --exact       no stemming: words match as written (accents still folded)
  --json        JSON Lines: id, score, class, source, snippet, received, status
  -h, --help    this help

exit codes: 0 (also when nothing matches), 2 bad query or options,
  5 store not readable.
)";

}  // namespace

int SearchCommand(const Args& args) {
  SearchQuery query;
  Flags flags;
  int code = 0;
  if (!ParseOrExit("search", args,
                   {{"home", true}, {"limit", true}, {"offset", true}, {"json", false}, {"count", false},
                    {"exact", false}, {"class", true}, {"customer", true}, {"contract", true}, {"from", true},
                    {"to", true}, {"queue", true}, {"status", true}, {"source", true}, {"field", true, true}},
                   kHelp, flags, code))
    return code;
  auto fields = flags.GetPairs("field");
  if (!fields) return ReportError("search", fields.error());
  query.fields = std::move(*fields);
  auto limit = flags.GetInt("limit", 20, 1, 10000);
  if (!limit) return ReportError("search", limit.error());
  auto offset = flags.GetInt("offset", 0, 0, 100000000);
  if (!offset) return ReportError("search", offset.error());
  for (const std::string& word : flags.positional()) query.text += (query.text.empty() ? "" : " ") + word;
  query.limit = static_cast<int>(*limit);
  query.offset = static_cast<int>(*offset);
  query.stem = !flags.Has("exact");
  query.label = flags.Get("class");
  query.customer = flags.Get("customer");
  query.contract = flags.Get("contract");
  query.from = flags.Get("from");
  query.to = flags.Get("to");
  query.queue = flags.Get("queue");
  query.status = flags.Get("status");
  query.channel = flags.Get("source");

  auto store = OpenSqliteStore(HomeDir(flags));
  if (!store) return ReportError("search", store.error());
  if (flags.Has("count")) {
    auto count = (*store)->Count(query);
    if (!count) return ReportError("search", count.error());
    std::printf("%lld\n", static_cast<long long>(*count));
    return 0;
  }
  auto hits = (*store)->Search(query);
  if (!hits) return ReportError("search", hits.error());
  if (flags.Has("json")) {
    for (const SearchHit& hit : *hits) std::printf("%s\n", HitLine(hit).c_str());
    return 0;
  }
  if (hits->empty()) {
    std::printf("no document matches%s%s\n", query.text.empty() ? " the filters" : " ", query.text.c_str());
    return 0;
  }
  int rank = query.offset;
  for (const SearchHit& hit : *hits) {
    std::printf("%2d. %s  %-20s %6.2f  %.10s  %s\n    %s\n", ++rank, hit.id.c_str(), hit.label.c_str(), hit.score,
                hit.received.c_str(), hit.source.c_str(), hit.snippet.c_str());
  }
  return 0;
}

}  // namespace facteur
