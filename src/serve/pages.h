// The web page's views, as functions of the store and the request's
// parameters, free of HTTP types (web_server.cc adapts them to Poco).
//
// REQUIRES: the caller holds the store for the duration of the call (one
// thread at a time, see facteur/store.h).
#ifndef FACTEUR_SERVE_PAGES_H_
#define FACTEUR_SERVE_PAGES_H_

#include <map>
#include <string>

#include "facteur/store.h"

namespace facteur::serve {

using Params = std::map<std::string, std::string>;

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
};

inline constexpr int kHitsPerPage = 20;

// Whether `id` may be a record id: 1 to 64 of [A-Za-z0-9_-], not starting
// with '-'. Anything else is answered 404 without touching the store.
bool IsValidId(const std::string& id);

// GET /?q=...&class=&customer=&contract=&from=&to=&queue=&status=&source=&page=
// With no words and no filter, the newest records are listed. A query
// FTS5 refuses gives 400 with the form and the reason.
Response SearchPage(Store& store, const Params& params);

// GET /doc/ID?q=...: the record, its pages (images and text with q's words
// marked), fields, classes, route, deliveries, journal. Journals "viewed"
// by `who` from `peer` before reading the journal. 404 for an unknown id.
Response DocumentPage(Store& store, const std::string& id, const Params& params, const std::string& who,
                      const std::string& peer);

Response ErrorPage(int status, const std::string& message);

}  // namespace facteur::serve

#endif  // FACTEUR_SERVE_PAGES_H_
