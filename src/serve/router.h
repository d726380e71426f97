// Router: from a request (method, path, query, credentials) to a reply,
// without any HTTP library type. Owns the store and guards it with a mutex:
// Poco runs requests on several threads, the store takes one at a time.
//
// Paths (see web_server.h) are split into segments after percent-decoding;
// an id segment must pass IsValidId, page numbers are 1..9999, and any
// other shape is 404. Files are only ever opened from paths the store
// gives for a valid id.
//
// Thread safety: Handle may be called from several threads at once.
#ifndef FACTEUR_SERVE_ROUTER_H_
#define FACTEUR_SERVE_ROUTER_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "facteur/store.h"
#include "serve/access.h"
#include "serve/pages.h"

namespace facteur::serve {

struct Request {
  std::string method;         // GET, HEAD...
  std::string path;           // percent-decoded path, "/doc/ID"
  std::string raw_query;      // after '?', still encoded
  std::string authorization;  // the Authorization header, or ""
  std::string peer;           // client address, for the journal
};

struct Reply {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;           // sent when file_path is empty
  std::string file_path;      // a stored file to send instead of body
  std::string filename;       // Content-Disposition: attachment; filename=...
  std::string cache;          // Cache-Control value; "" = no-store
  bool challenge = false;     // 401: add WWW-Authenticate: Basic
};

class Router {
 public:
  // `store` is used under the router's mutex only.
  Router(std::unique_ptr<Store> store, Access access);

  Reply Handle(const Request& request);

 private:
  Reply Route(const Request& request, const std::string& who);
  Reply Download(const std::string& id, const std::string& what, const std::string& who, const std::string& peer);
  Reply PageImage(const std::string& id, const std::string& file, const Params& params);

  std::mutex mu_;
  std::unique_ptr<Store> store_;  // guarded by mu_
  const Access access_;
};

// Splits "a=1&b=x+y%21" into {a: 1, b: "x y!"}. Errors: kInvalidArgument
// for a bad %-escape or more than 64 parameters.
Result<Params> ParseQuery(const std::string& raw_query);

}  // namespace facteur::serve

#endif  // FACTEUR_SERVE_ROUTER_H_
