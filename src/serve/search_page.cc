// The search view: form with filters, ranked hits with snippets and
// thumbnails, paging.
#include <algorithm>

#include "serve/html.h"
#include "serve/pages.h"

namespace facteur::serve {
namespace {

struct Filter {
  const char* param;
  const char* label;
  const char* placeholder;
};

const Filter kFilters[] = {
    {"class", "Classe", "termination"},  {"customer", "Client", "C-10042"},
    {"contract", "Contrat", "CT-2024-001"}, {"queue", "File", "crm-complaints"},
};

std::string Get(const Params& params, const char* name) {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

std::string Select(const Params& params, const char* name, const char* label,
                   std::initializer_list<const char*> values) {
  std::string current = Get(params, name);
  std::string html = std::string("<label>") + label + "<select name=\"" + name + "\"><option value=\"\">tous</option>";
  for (const char* v : values) {
    html += std::string("<option") + (current == v ? " selected" : "") + ">" + v + "</option>";
  }
  return html + "</select></label>";
}

std::string Form(const Params& params) {
  std::string html = "<form class=\"search\" method=\"get\" action=\"/\" role=\"search\"><div class=\"q\">"
                     "<input type=\"search\" name=\"q\" id=\"q\" placeholder=\"résiliation contrat, &quot;mettre fin&quot;, rembourse*\" value=\"" +
                     Escape(Get(params, "q")) + "\" autofocus><button type=\"submit\">Rechercher</button></div><fieldset>";
  for (const Filter& f : kFilters) {
    html += std::string("<label>") + f.label + "<input name=\"" + f.param + "\" placeholder=\"" + f.placeholder +
            "\" value=\"" + Escape(Get(params, f.param)) + "\"></label>";
  }
  for (const char* d : {"from", "to"}) {
    html += std::string("<label>") + (d[0] == 'f' ? "Reçu du" : "au") + "<input type=\"date\" name=\"" + d +
            "\" value=\"" + Escape(Get(params, d)) + "\"></label>";
  }
  html += Select(params, "status", "État", {"done", "review", "duplicate", "failed"});
  html += Select(params, "source", "Source", {"batch", "fax", "folder"});
  return html + "</fieldset></form>";
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string Hit(const SearchHit& hit, const std::string& q) {
  std::string link = "/doc/" + UrlEncode(hit.id) + (q.empty() ? "" : "?q=" + UrlEncode(q));
  std::string html = "<li class=\"hit\"><a href=\"" + Escape(link) + "\"><img loading=\"lazy\" alt=\"page 1\" src=\"/doc/" +
                     UrlEncode(hit.id) + "/page/1.png?w=240\"></a><div><a class=\"title\" href=\"" + Escape(link) + "\">" +
                     Escape(BaseName(hit.source)) + "</a> ";
  if (!hit.label.empty()) html += "<span class=\"tag\">" + Escape(hit.label) + "</span> ";
  html += "<span class=\"tag " + Escape(hit.status) + "\">" + Escape(hit.status) + "</span>";
  html += "<div class=\"meta\">" + Escape(hit.received) + " · " + Escape(hit.id) + "</div>";
  html += "<p class=\"snippet\">" + MarkSnippet(hit.snippet) + "</p></div></li>";
  return html;
}

}  // namespace

Response SearchPage(Store& store, const Params& params) {
  SearchQuery query;
  query.text = Get(params, "q");
  query.stem = true;
  query.label = Get(params, "class");
  query.customer = Get(params, "customer");
  query.contract = Get(params, "contract");
  query.from = Get(params, "from");
  query.to = Get(params, "to");
  query.queue = Get(params, "queue");
  query.status = Get(params, "status");
  query.channel = Get(params, "source");
  bool browsing = query.text.find_first_not_of(" \t\r\n") == std::string::npos && query.label.empty() &&
                  query.customer.empty() && query.contract.empty() && query.from.empty() && query.to.empty() &&
                  query.queue.empty() && query.status.empty() && query.channel.empty();
  if (browsing) query.from = "0000-01-01";  // every record, newest first
  int page = 1;
  try {
    page = std::clamp(std::stoi(Get(params, "page").empty() ? "1" : Get(params, "page")), 1, 100000);
  } catch (const std::exception&) {
    page = 1;  // a nonsense page number shows the first page
  }
  query.limit = kHitsPerPage;
  query.offset = (page - 1) * kHitsPerPage;

  Response response;
  std::string body = Form(params);
  Result<std::vector<SearchHit>> hits = store.Search(query);
  Result<int64_t> count = hits ? store.Count(query) : Result<int64_t>(0);
  if (!hits || !count) {
    const Status& s = !hits ? hits.error() : count.error();
    response.status = s.code() == Status::Code::kInvalidArgument ? 400 : 500;
    response.body = Layout("Recherche", body + "<p class=\"error\">" + Escape(s.message()) + "</p>");
    return response;
  }
  body += "<p class=\"summary\" id=\"summary\">" +
          std::string(browsing ? "Derniers documents reçus : " : "") + std::to_string(*count) +
          (*count == 1 ? " document" : " documents") +
          (*count > kHitsPerPage ? ", page " + std::to_string(page) : "") + "</p><ol class=\"hits\">";
  for (const SearchHit& hit : *hits) body += Hit(hit, query.text);
  body += "</ol><nav class=\"pager\">";
  auto page_link = [&](int p, const char* text) {
    std::string url = "/?";
    for (const auto& [k, v] : params) {
      if (k != "page") url += UrlEncode(k) + "=" + UrlEncode(v) + "&";
    }
    return "<a href=\"" + Escape(url + "page=" + std::to_string(p)) + "\">" + text + "</a>";
  };
  if (page > 1) body += page_link(page - 1, "← précédents");
  if (static_cast<int64_t>(page) * kHitsPerPage < *count) body += page_link(page + 1, "suivants →");
  body += "</nav>";
  response.body = Layout(query.text.empty() ? "Recherche" : query.text, body);
  return response;
}

Response ErrorPage(int status, const std::string& message) {
  Response response;
  response.status = status;
  response.body = Layout(std::to_string(status), "<p class=\"error\">" + Escape(message) + "</p><p><a href=\"/\">Recherche</a></p>");
  return response;
}

bool IsValidId(const std::string& id) {
  if (id.empty() || id.size() > 64 || id[0] == '-') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
  });
}

}  // namespace facteur::serve
