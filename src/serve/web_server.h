// WebServer: the archivists' web page (issue 7), `facteur serve`.
//
// Plain server-rendered HTML over the store of one HOME folder:
//   GET /                       search form with filters, ranked hits
//   GET /doc/ID                 one record: page images, OCR text with the
//                               hits marked, fields, classes, route,
//                               deliveries, journal (journaled "viewed")
//   GET /doc/ID/page/N.png?w=W  page N (1-based) rendered W pixels wide
//   GET /doc/ID/original        the original, byte for byte (journaled)
//   GET /doc/ID/pdf             the searchable PDF (journaled)
//   GET /static/style.css       the one style sheet
// Nothing from a request names a file: ids are checked against a strict
// pattern and the store maps them to its own paths. Every response is
// built from escaped text; the Poco types stay in src/serve/*.cc.
//
// Access (access.h): on a loopback address the page is open unless a token
// or users file is given; on any other address StartWebServer refuses to
// start without one.
//
// Thread safety: requests run on Poco's worker threads; the store is used
// by one of them at a time. Stop() (or the destructor) waits for requests
// in progress.
#ifndef FACTEUR_SERVE_WEB_SERVER_H_
#define FACTEUR_SERVE_WEB_SERVER_H_

#include <memory>
#include <string>

#include "facteur/status.h"

namespace facteur::serve {

struct ServeOptions {
  std::string home;                 // the store's HOME folder (must hold facteur.db)
  std::string listen = "127.0.0.1:8080";  // HOST:PORT, [IPv6]:PORT; port 0 = any free port
  std::string token;                // "" = none; else required as "Authorization: Bearer T"
                                    // (or as the password of HTTP Basic)
  std::string users_file;           // "" = none; else lines "user:HASH" (access.h)
  int threads = 4;                  // request worker threads
};

class WebServer {
 public:
  virtual ~WebServer() = default;
  // The port actually bound (useful with port 0).
  virtual int Port() const = 0;
  // Stops accepting, waits for requests in progress. Idempotent.
  virtual void Stop() = 0;
};

// Opens the store and starts listening. Errors: kInvalidArgument for a bad
// --listen value, or a non-loopback address without a token or users file;
// kNotFound when HOME holds no store; kIOError when the port cannot be bound.
Result<std::unique_ptr<WebServer>> StartWebServer(const ServeOptions& options);

// True when `host` (an IP literal or "localhost") is a loopback address.
bool IsLoopbackHost(const std::string& host);

}  // namespace facteur::serve

#endif  // FACTEUR_SERVE_WEB_SERVER_H_
