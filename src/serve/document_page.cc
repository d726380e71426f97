// The document view: page images beside their OCR text (hits marked), then
// the record's fields, classes, route, deliveries, capture context and
// journal.
#include <cstdio>

#include "core/clock.h"
#include "serve/html.h"
#include "serve/pages.h"

namespace facteur::serve {
namespace {

std::string Row(std::initializer_list<std::string> cells, const char* tag = "td") {
  std::string html = "<tr>";
  for (const std::string& c : cells) html += std::string("<") + tag + ">" + c + "</" + tag + ">";
  return html + "</tr>";
}

std::string Percent(double confidence) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f %%", confidence * 100);
  return buf;
}

std::string Head(const Document& doc, const std::string& id) {
  std::string e = Escape(UrlEncode(id));
  std::string html = "<div class=\"doc-head\"><h1>" + Escape(doc.source.path) + "</h1><div class=\"downloads\">";
  if (!doc.pdf_path.empty()) html += "<a id=\"download-pdf\" href=\"/doc/" + e + "/pdf\">PDF interrogeable</a>";
  html += "<a id=\"download-original\" href=\"/doc/" + e + "/original\">Original</a></div></div>";
  html += "<p class=\"meta\"><span class=\"tag\">" + Escape(doc.classification.label.empty() ? "non classé" : doc.classification.label) +
          "</span> <span class=\"tag " + Escape(DocStatusName(doc.status)) + "\">" + Escape(DocStatusName(doc.status)) +
          "</span> reçu le " + Escape(doc.source.received) + " · " + Escape(ChannelName(doc.source.channel)) + " · " +
          std::to_string(doc.pages.size()) + " page(s) · id " + Escape(id) + "</p>";
  if (!doc.error.empty()) html += "<p class=\"error\">" + Escape(doc.error) + "</p>";
  return html;
}

std::string Pages(const Document& doc, const std::string& id, const std::vector<std::string>& terms) {
  std::string html;
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    std::string n = std::to_string(i + 1);
    html += "<section class=\"page\" id=\"page-" + n + "\"><img alt=\"page " + n + "\" src=\"/doc/" +
            Escape(UrlEncode(id)) + "/page/" + n + ".png?w=900\"><pre class=\"ocr\">" +
            MarkTerms(doc.pages[i].text.text, terms) + "</pre></section>";
  }
  return html;
}

std::string Fields(const Document& doc) {
  std::string html = "<h2>Champs</h2><table id=\"fields\">" + Row({"champ", "valeur", "confiance", "page"}, "th");
  for (const auto& [name, f] : doc.fields) {
    html += Row({Escape(name), Escape(f.value), Percent(f.confidence), f.page < 0 ? "" : std::to_string(f.page + 1)});
  }
  return html + "</table>";
}

std::string Classes(const Document& doc) {
  const Classification& c = doc.classification;
  std::string html = "<h2>Classement</h2><table id=\"classes\">" + Row({"classe", "confiance", "raison"}, "th");
  html += Row({"<b>" + Escape(c.label) + "</b>", Percent(c.confidence), Escape(c.reason)});
  for (const Candidate& k : c.candidates) html += Row({Escape(k.label), Percent(k.confidence), ""});
  return html + "</table>";
}

std::string Route(Store& store, const Document& doc, const std::string& id) {
  std::string html = "<h2>Acheminement</h2><table id=\"route\">" + Row({"file", "priorité", "échéance", "état", "essais", "mis à jour", "erreur"}, "th");
  Result<std::vector<DeliveryRecord>> rows = store.ListDeliveries("", id, 100);
  if (rows) {
    for (const DeliveryRecord& d : *rows) {
      html += Row({Escape(d.destination), std::to_string(d.priority), Escape(d.due), Escape(d.state),
                   std::to_string(d.attempts), Escape(d.updated), Escape(d.last_error)});
    }
  } else {
    for (const Delivery& d : doc.deliveries) html += Row({Escape(d.destination), std::to_string(d.priority), Escape(d.due), "", "", "", ""});
  }
  return html + "</table>";
}

std::string Capture(const Document& doc) {
  const Source& s = doc.source;
  auto row = [](const std::string& key, const std::string& value, const char* cls = "") {
    return "<tr><th>" + Escape(key) + "</th><td class=\"" + std::string(cls) + "\">" + Escape(value) + "</td></tr>";
  };
  std::string html = "<h2>Contexte de capture</h2><table id=\"capture\">";
  html += row("fichier", s.path) + row("SHA-256", s.sha256, "hash") + row("format", s.format) +
          row("octets", std::to_string(s.bytes));
  for (const auto& [k, v] : s.context) html += row(k, v);
  return html + "</table>";
}

std::string JournalTable(Store& store, const std::string& id) {
  std::string html = "<h2>Journal</h2><table id=\"journal\">" + Row({"n°", "date", "étape", "message", "empreinte"}, "th");
  Result<std::vector<JournalEntry>> entries = store.Journal(id);
  if (!entries) return html + "</table><p class=\"error\">" + Escape(entries.error().message()) + "</p>";
  for (const JournalEntry& e : *entries) {
    html += "<tr><td>" + std::to_string(e.seq) + "</td><td>" + Escape(e.time) + "</td><td>" + Escape(e.stage) + "</td><td>" +
            Escape(e.message) + "</td><td class=\"hash\">" + Escape(e.hash) + "</td></tr>";
  }
  return html + "</table>";
}

}  // namespace

Response DocumentPage(Store& store, const std::string& id, const Params& params, const std::string& who,
                      const std::string& peer) {
  Result<Document> doc = store.Get(id);
  if (!doc) {
    bool missing = doc.error().code() == Status::Code::kNotFound;
    return ErrorPage(missing ? 404 : 500, missing ? "Aucun document « " + id + " »." : doc.error().message());
  }
  Status viewed = store.AddEvent(id, {NowIso8601(), "viewed", "web: viewed by " + who + " from " + peer});
  if (!viewed.ok()) return ErrorPage(500, "the view could not be journaled: " + viewed.message());
  auto q = params.find("q");
  std::vector<std::string> terms = q == params.end() ? std::vector<std::string>{} : QueryTerms(q->second);
  std::string body = Head(*doc, id) + Pages(*doc, id, terms) + Fields(*doc) + Classes(*doc) + Route(store, *doc, id) +
                     Capture(*doc) + JournalTable(store, id);
  Response response;
  response.body = Layout(doc->source.path, body);
  return response;
}

}  // namespace facteur::serve
