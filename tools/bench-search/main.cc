// facteur-bench-search: search latency on a large generated store (issue 7).
//
// usage: facteur-bench-search [--records N] [--home DIR] [--reps R] [--seed S]
//
// Fills a fresh store (default: a new folder under /dev/shm, removed after;
// --home keeps it) with N generated records (default 100000) through the
// Store seam: letters of 60-140 words drawn from a small vocabulary of mail
// words (French and English), a class, a customer and contract field, a queue,
// a channel and a received date spread over five years. Then runs typical
// archivist queries R times each (default 30) and prints, per query and
// over all of them, the median and 95th percentile latency in milliseconds.
// On tmpfs the per-record fsync of the store costs nothing, so filling is
// fast; latency does not depend on where the store lives once it is cached.
// A --home already holding N records is reused as it is. The "page" column
// adds Count to Search: what the web page runs for one screen of hits.
// The peer, in the same run: stock SQLite FTS5 on the same index, the query
// text given as is to MATCH, ranked by its built-in BM25 over every match
// (ORDER BY rank) with a snippet per hit, 20 hits, no filters: what an
// integrator would write by hand. Filter-only queries have no peer ("-").
#include <stdlib.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "facteur/store.h"

namespace {

using facteur::SearchQuery;
using Clock = std::chrono::steady_clock;

// Words of every letter.
const char* const kWords[] = {
    "madame", "monsieur", "objet", "contrat", "assurance", "habitation", "automobile",
    "demande", "dossier", "numéro", "client", "adresse",
    "changement", "paiement", "prélèvement", "échéance", "montant", "euros",
    "remboursement", "attestation", "justificatif", "courrier", "lettre", "recommandée", "accusé",
    "réception", "date", "signature", "veuillez", "agréer", "salutations", "distinguées", "cordialement",
    "je", "vous", "nous", "mon", "votre", "le", "la", "les", "de", "du", "des", "et", "à", "au", "pour",
    "par", "avec", "dans", "suite", "à", "compter", "mise", "en", "demeure", "relevé", "identité",
    "bancaire", "mutuelle", "santé", "véhicule",
    "nouvelle", "police", "avenant", "cotisation", "retard", "rappel",
    "policy", "claim", "invoice", "payment", "termination", "cancel", "request", "insurance",
    "customer", "account", "refund", "dear", "sincerely", "please", "find", "attached", "regarding",
};
const char* const kClasses[] = {"termination", "claim", "invoice", "address_change", "bank_details",
                                "complaint", "quote", "other"};
// Topic words, by class (same order): a letter draws one word in five from
// its class's list, so "résiliation" is frequent in terminations and rare
// elsewhere, as in real mail.
const std::vector<std::vector<const char*>> kTopics = {
    {"résiliation", "résilier", "résilie", "mettre", "fin", "préavis", "échéance", "loi", "hamon", "chatel"},
    {"sinistre", "dégât", "eaux", "expertise", "constat", "amiable", "franchise", "indemnisation", "vol"},
    {"facture", "factures", "montant", "régler", "ttc", "tva", "échéancier", "relance", "impayé"},
    {"déménagement", "nouvelle", "adresse", "changement", "domicile", "rue", "avenue", "code", "postal"},
    {"iban", "bic", "rib", "relevé", "identité", "bancaire", "prélèvement", "mandat", "sepa"},
    {"réclamation", "mécontentement", "litige", "médiation", "médiateur", "insatisfait", "plainte"},
    {"devis", "tarif", "proposition", "garanties", "souscrire", "offre", "simulation"},
    {"information", "question", "renseignement", "documentation", "brochure"},
};
const char* const kQueues[] = {"retention", "claims", "billing", "admin", "complaints"};

std::string Pick(std::mt19937& rng, const char* const* list, size_t n) { return list[rng() % n]; }

facteur::Document Generate(std::mt19937& rng, int i) {
  facteur::Document doc;
  char id[32];
  std::snprintf(id, sizeof id, "bench-%06d", i);
  doc.id = id;
  doc.source.path = std::string("/scans/") + id + ".tif";
  doc.source.sha256 = std::string(64, '0');
  doc.source.format = "tiff";
  doc.source.channel = static_cast<facteur::Channel>(rng() % 3);
  char received[32];
  auto n = [&rng](unsigned mod) { return static_cast<unsigned>(rng() % mod); };
  std::snprintf(received, sizeof received, "20%02u-%02u-%02uT%02u:00:00Z", 21 + n(5), 1 + n(12), 1 + n(28), n(24));
  doc.source.received = received;
  std::string text;
  int words = 60 + static_cast<int>(rng() % 81);
  size_t label = rng() % std::size(kClasses);
  const std::vector<const char*>& topic = kTopics[label];
  for (int w = 0; w < words; ++w) {
    std::string word = (rng() % 5 == 0) ? topic[rng() % topic.size()] : Pick(rng, kWords, std::size(kWords));
    text += word + (w % 12 == 11 ? "\n" : " ");
  }
  doc.pages.emplace_back();
  doc.pages.back().text.text = text;
  doc.classification.label = kClasses[label];
  doc.classification.confidence = 0.9;
  doc.fields["customer_id"] = {.value = "CU-" + std::to_string(rng() % 20000), .confidence = 0.9, .page = 0};
  doc.fields["contract_number"] = {.value = "HAB-" + std::to_string(rng() % 50000), .confidence = 0.9, .page = 0};
  doc.queues = {Pick(rng, kQueues, std::size(kQueues))};
  doc.events = {{received, "intake", "original kept"}, {received, "store", "status done"}};
  return doc;
}

struct Named {
  const char* name;
  SearchQuery query;
};

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t k = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[k];
}

double ThreadCpuMs() {
  timespec ts {};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Stock FTS5: `text` as the MATCH expression, BM25 over every match, 20
// hits from `offset`, with snippets. Returns the latency in ms, -1 on error.
double PeerFts5(sqlite3* db, const std::string& text, int offset) {
  static const char kSql[] =
      "SELECT rowid, snippet(documents_fts, -1, '[', ']', '...', 12) FROM documents_fts "
      "WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT 20 OFFSET ?2";
  auto t0 = Clock::now();
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, kSql, -1, &stmt, nullptr) != SQLITE_OK) return -1;
  sqlite3_bind_text(stmt, 1, text.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(stmt, 2, offset);
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_DONE) return -1;
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  long records = 100000, reps = 30, seed = 7;
  std::string home;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--records") records = std::atol(value().c_str());
    else if (a == "--reps") reps = std::atol(value().c_str());
    else if (a == "--seed") seed = std::atol(value().c_str());
    else if (a == "--home") home = value();
    else {
      std::fprintf(stderr, "usage: facteur-bench-search [--records N] [--home DIR] [--reps R] [--seed S]\n");
      return 2;
    }
  }
  if (records < 1 || reps < 1) return 2;
  bool temporary = home.empty();
  if (temporary) {
    char tmpl[] = "/dev/shm/facteur-bench-XXXXXX";
    char fallback[] = "/tmp/facteur-bench-XXXXXX";
    char* made = mkdtemp(tmpl);
    if (!made) made = mkdtemp(fallback);
    if (!made) return 5;
    home = made;
  }
  auto store = facteur::OpenSqliteStore(home);
  if (!store) {
    std::fprintf(stderr, "bench-search: %s\n", store.error().ToString().c_str());
    return 5;
  }
  std::mt19937 rng(static_cast<unsigned>(seed));
  auto start = Clock::now();
  // A kept --home that already holds the records is measured as it is
  // (filling 100,000 records takes minutes).
  auto stored = (*store)->Count({.from = "0000-01-01"});
  long first = stored && *stored >= records ? records : 0;
  if (first == records) std::printf("reusing the %ld records in %s\n", records, home.c_str());
  for (long i = first; i < records; ++i) {
    facteur::Status s = (*store)->Put(Generate(rng, static_cast<int>(i)));
    if (!s.ok()) {
      std::fprintf(stderr, "bench-search: %s\n", s.ToString().c_str());
      return 5;
    }
  }
  double fill = std::chrono::duration<double>(Clock::now() - start).count();
  if (first < records) std::printf("filled %ld records in %.1f s (%.0f records/s) under %s\n", records, fill,
              static_cast<double>(records) / fill, home.c_str());

  const std::vector<Named> queries = {
      {"word: résiliation", {.text = "résiliation"}},
      {"two words: contrat assurance", {.text = "contrat assurance"}},
      {"stemmed: résilier", {.text = "résilier", .stem = true}},
      {"prefix: rembourse*", {.text = "rembourse*"}},
      {"phrase: \"mise en demeure\"", {.text = "\"mise en demeure\""}},
      {"topic: médiation litige", {.text = "médiation litige", .stem = true}},
      {"word + class + dates", {.text = "sinistre", .label = "claim", .from = "2023-01-01", .to = "2023-12-31"}},
      {"filter: customer", {.customer = "CU-1234"}},
      {"filter: class + queue + fax", {.label = "invoice", .queue = "billing", .channel = "fax"}},
      {"filter: one month", {.from = "2024-06-01", .to = "2024-06-30"}},
      {"page 5: facture", {.text = "facture", .offset = 80}},
  };
  // Wall-clock time, and the thread's CPU time, which the other processes
  // of a busy machine do not inflate; "page" is Search + Count.
  std::vector<double> all, all_cpu, all_page;
  sqlite3* peer = nullptr;
  if (sqlite3_open_v2((home + "/facteur.db").c_str(), &peer, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "bench-search: cannot open %s/facteur.db for the FTS5 peer\n", home.c_str());
    return 5;
  }
  std::vector<double> all_peer, ours_with_peer;
  std::printf("%-32s %8s %9s %9s %9s %9s %9s   %s\n", "query", "hits", "median ms", "p95 ms", "cpu med", "cpu p95",
              "page p95", "stock FTS5 median / p95");
  for (const Named& q : queries) {
    std::vector<double> times, cpu, page;
    for (long r = 0; r < reps; ++r) {
      auto t0 = Clock::now();
      double c0 = ThreadCpuMs();
      auto result = (*store)->Search(q.query);
      times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      cpu.push_back(ThreadCpuMs() - c0);
      if (!result) {
        std::fprintf(stderr, "bench-search: %s: %s\n", q.name, result.error().ToString().c_str());
        return 5;
      }
      auto count = (*store)->Count(q.query);
      page.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      if (!count) return 5;
    }
    std::vector<double> peer_times;
    for (long r = 0; r < reps && !q.query.text.empty(); ++r) {
      double ms = PeerFts5(peer, q.query.text, q.query.offset);
      if (ms < 0) {
        std::fprintf(stderr, "bench-search: stock FTS5: %s: %s\n", q.name, sqlite3_errmsg(peer));
        return 5;
      }
      peer_times.push_back(ms);
    }
    if (!peer_times.empty()) {
      all_peer.insert(all_peer.end(), peer_times.begin(), peer_times.end());
      ours_with_peer.insert(ours_with_peer.end(), times.begin(), times.end());
    }
    char peer_text[64] = "-";
    if (!peer_times.empty())
      std::snprintf(peer_text, sizeof peer_text, "%9.2f %9.2f", Percentile(peer_times, 0.5),
                    Percentile(peer_times, 0.95));
    auto count = (*store)->Count(q.query);
    all.insert(all.end(), times.begin(), times.end());
    all_cpu.insert(all_cpu.end(), cpu.begin(), cpu.end());
    all_page.insert(all_page.end(), page.begin(), page.end());
    std::printf("%-32s %8lld %9.2f %9.2f %9.2f %9.2f %9.2f   %s\n", q.name,
                count ? static_cast<long long>(*count) : -1LL, Percentile(times, 0.5), Percentile(times, 0.95),
                Percentile(cpu, 0.5), Percentile(cpu, 0.95), Percentile(page, 0.95), peer_text);
  }
  std::printf("%-32s %8s %9.2f %9.2f %9.2f %9.2f %9.2f\n", "all queries", "", Percentile(all, 0.5),
              Percentile(all, 0.95), Percentile(all_cpu, 0.5), Percentile(all_cpu, 0.95), Percentile(all_page, 0.95));
  if (!all_peer.empty())
    std::printf("%-32s %8s %9.2f %9.2f %9s %9s %9s   %9.2f %9.2f\n", "word queries (with a peer)", "",
                Percentile(ours_with_peer, 0.5), Percentile(ours_with_peer, 0.95), "", "", "",
                Percentile(all_peer, 0.5), Percentile(all_peer, 0.95));
  sqlite3_close(peer);
  store->reset();
  if (temporary) {
    std::error_code ec;
    std::filesystem::remove_all(home, ec);
  }
  return 0;
}
