// Test-only: a served store with one record, and a small HTTP client
// (Poco HTTPClientSession) for the web page's tests.
#ifndef FACTEUR_TESTS_SERVE_SERVE_CLIENT_H_
#define FACTEUR_TESTS_SERVE_SERVE_CLIENT_H_

#include <map>
#include <memory>
#include <string>

#include "serve/web_server.h"
#include "testing/temp_dir.h"

namespace facteur::testing {

struct HttpResult {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;
};

// GET (or `method`) http://127.0.0.1:PORT + target, sent as written (no
// normalisation), with the extra headers.
HttpResult HttpGet(int port, const std::string& target, const std::map<std::string, std::string>& headers = {},
                   const std::string& method = "GET");

// A HOME holding one record, kRecordId: the two-page sample PDF as original
// and as searchable PDF, French text on its pages, a queue, fields, and a
// source path with HTML in it (to check escaping).
inline constexpr char kRecordId[] = "0123456789abcdef";
void FillHome(const std::string& home);

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_SERVE_SERVE_CLIENT_H_
