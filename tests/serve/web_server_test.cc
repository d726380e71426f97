// The web page through a real server on an ephemeral loopback port.
#include <catch2/catch.hpp>

#include <fstream>

#include "facteur/store.h"
#include "serve/access.h"
#include "serve/serve_client.h"
#include "serve/web_server.h"
#include "testing/corpus.h"

using namespace facteur;
using namespace facteur::testing;

namespace {

struct Served {
  TempDir dir;
  std::string home = dir.path() + "/home";
  std::unique_ptr<serve::WebServer> server;

  explicit Served(serve::ServeOptions options = {}) {
    FillHome(home);
    options.home = home;
    options.listen = options.listen == "127.0.0.1:8080" ? "127.0.0.1:0" : options.listen;
    auto started = serve::StartWebServer(options);
    REQUIRE(started.has_value());
    server = std::move(*started);
  }
  int port() const { return server->Port(); }
  std::vector<std::string> JournalStages() {
    server->Stop();
    auto store = OpenSqliteStore(home);
    REQUIRE(store.has_value());
    auto entries = (*store)->Journal(kRecordId);
    REQUIRE(entries.has_value());
    std::vector<std::string> stages;
    for (const JournalEntry& e : *entries) stages.push_back(e.stage);
    return stages;
  }
};

}  // namespace

TEST_CASE("The search page finds a record by an unaccented word and marks the hit", "[serve]") {
  Served s;
  HttpResult r = HttpGet(s.port(), "/?q=resiliation");
  CHECK(r.status == 200);
  CHECK(r.headers["Content-Type"] == "text/html; charset=utf-8");
  CHECK(r.body.find("/doc/0123456789abcdef") != std::string::npos);
  CHECK(r.body.find("<mark>Résiliation</mark>") != std::string::npos);
  CHECK(r.body.find("/doc/0123456789abcdef/page/1.png") != std::string::npos);
  SECTION("filters narrow the hits") {
    CHECK(HttpGet(s.port(), "/?q=resiliation&class=termination&customer=c-10042").body.find("1 document") !=
          std::string::npos);
    CHECK(HttpGet(s.port(), "/?q=resiliation&class=invoice").body.find("0 documents") != std::string::npos);
    CHECK(HttpGet(s.port(), "/?q=&queue=crm-terminations&from=2026-11-01&to=2026-11-30").body.find("1 document") !=
          std::string::npos);
  }
  SECTION("a bad filter value is a 400 with the reason, not a 500") {
    HttpResult bad = HttpGet(s.port(), "/?from=yesterday");
    CHECK(bad.status == 400);
    CHECK(bad.body.find("is not a date YYYY-MM-DD") != std::string::npos);
  }
  SECTION("no words and no filters lists the newest records") {
    CHECK(HttpGet(s.port(), "/").body.find("/doc/0123456789abcdef") != std::string::npos);
  }
}

TEST_CASE("The document page shows text, fields, route and journal, escaped, and journals the view", "[serve]") {
  Served s;
  HttpResult r = HttpGet(s.port(), "/doc/0123456789abcdef?q=r%C3%A9silier");
  REQUIRE(r.status == 200);
  CHECK(r.body.find("<mark>Résiliation</mark>") != std::string::npos);  // by the light stem
  CHECK(r.body.find("<mark>résilier</mark>") != std::string::npos);
  CHECK(r.body.find("CT-2024-001") != std::string::npos);
  CHECK(r.body.find("crm-terminations") != std::string::npos);
  CHECK(r.body.find("/doc/0123456789abcdef/page/2.png") != std::string::npos);
  CHECK(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(r.body.find("<script>") == std::string::npos);
  CHECK(r.body.find("&lt;b&gt;lettre&lt;/b&gt;") != std::string::npos);
  CHECK(r.headers["Content-Security-Policy"].find("default-src 'none'") != std::string::npos);
  std::vector<std::string> stages = s.JournalStages();
  CHECK(std::count(stages.begin(), stages.end(), "viewed") == 1);
}

TEST_CASE("Downloads send the stored bytes and are journaled", "[serve]") {
  Served s;
  HttpResult original = HttpGet(s.port(), "/doc/0123456789abcdef/original");
  CHECK(original.status == 200);
  CHECK(original.body == Slurp(SourcePath("samples/fr-address-change-2p.pdf")));
  CHECK(original.headers["Content-Disposition"] == "attachment; filename=\"0123456789abcdef-original.pdf\"");
  HttpResult pdf = HttpGet(s.port(), "/doc/0123456789abcdef/pdf");
  CHECK(pdf.status == 200);
  CHECK(pdf.body.rfind("%PDF", 0) == 0);
  HttpResult png = HttpGet(s.port(), "/doc/0123456789abcdef/page/2.png?w=120");
  CHECK(png.status == 200);
  CHECK(png.headers["Content-Type"] == "image/png");
  CHECK(png.body.rfind("\x89PNG\r\n\x1a\n", 0) == 0);
  CHECK(HttpGet(s.port(), "/doc/0123456789abcdef/page/3.png").status == 404);
  std::vector<std::string> stages = s.JournalStages();
  CHECK(std::count(stages.begin(), stages.end(), "downloaded") == 2);
}

TEST_CASE("Unknown ids, traversal attempts and odd paths are 404 or 400, never a file", "[serve]") {
  Served s;
  CHECK(HttpGet(s.port(), "/doc/ffffffffffffffff").status == 404);
  CHECK(HttpGet(s.port(), "/doc/ffffffffffffffff/original").status == 404);
  CHECK(HttpGet(s.port(), "/nothing/here").status == 404);
  for (const char* target :
       {"/doc/../../etc/passwd", "/doc/..%2f..%2fetc%2fpasswd", "/doc/%2e%2e/%2e%2e/etc/passwd",
        "/doc/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd/original", "/static/../../../../etc/passwd", "/../../etc/passwd",
        "//etc/passwd", "/doc/..%252f..%252fetc%252fpasswd", "/doc/%00/original", "/doc/0123456789abcdef%00/pdf",
        "/doc/0123456789abcdef/page/..%2f..%2f..%2fetc%2fpasswd", "/doc/0123456789abcdef/page/0.png",
        "/doc/0123456789abcdef/page/-1.png", "/doc/-rf", "/doc/%zz", "/doc/0123456789abcdef/../../facteur.db",
        "/doc/%2e%2e%5c%2e%2e%5cfacteur.db"}) {
    CAPTURE(target);
    HttpResult r = HttpGet(s.port(), target);
    CHECK((r.status == 404 || r.status == 400));
    CHECK(r.body.find("root:") == std::string::npos);
    CHECK(r.body.find("SQLite format") == std::string::npos);
  }
  CHECK(HttpGet(s.port(), "/doc/0123456789abcdef", {}, "POST").status == 405);
}

TEST_CASE("FTS and SQL injection strings in the query never give a 500", "[serve]") {
  Served s;
  for (const char* q : {"%27%3B%20DROP%20TABLE%20documents%3B%20--", "%22unterminated", "AND", ")", "NEAR(a",
                        "text%3A%20OR%20%2A", "%2A", "x%22%20OR%201%3D1%20--", "%5E%5E%5E", "label%3A%28%29",
                        "a%20NOT", "%E9%FF%FE", "%00", "' OR ''='"}) {
    CAPTURE(q);
    HttpResult r = HttpGet(s.port(), std::string("/?q=") + q);
    CHECK((r.status == 200 || r.status == 400));
  }
  CHECK(HttpGet(s.port(), "/?q=resiliation").body.find("1 document") != std::string::npos);  // table still there
}

TEST_CASE("With a token or users file, requests need credentials", "[serve]") {
  TempDir dir;
  std::string users = dir.Write("users", "# archivists\nclaire:" + serve::HashPassword("s3cret", 1000) +
                                             "\nmarc:sha256$00ff$" +
                                             std::string("e73146f6fe8e77bc9f6132491e6a37933045d9a97b9209c74e916200fda39140") + "\n");
  Served s({.token = "tok-123", .users_file = users});
  CHECK(HttpGet(s.port(), "/").status == 401);
  CHECK(HttpGet(s.port(), "/").headers["WWW-Authenticate"].rfind("Basic", 0) == 0);
  CHECK(HttpGet(s.port(), "/doc/0123456789abcdef/original").status == 401);
  CHECK(HttpGet(s.port(), "/", {{"Authorization", "Bearer tok-12"}}).status == 401);
  CHECK(HttpGet(s.port(), "/", {{"Authorization", "Bearer tok-123"}}).status == 200);
  CHECK(HttpGet(s.port(), "/", {{"Authorization", "Basic Y2xhaXJlOnMzY3JldA=="}}).status == 200);  // claire:s3cret
  CHECK(HttpGet(s.port(), "/", {{"Authorization", "Basic Y2xhaXJlOndyb25n"}}).status == 401);     // claire:wrong
  CHECK(HttpGet(s.port(), "/", {{"Authorization", "Basic bWFyYzpwdw=="}}).status == 200);  // marc:pw, salted SHA-256
  CHECK(HttpGet(s.port(), "/", {{"Authorization", "Basic !!notbase64"}}).status == 401);
  HttpResult viewed = HttpGet(s.port(), "/doc/0123456789abcdef", {{"Authorization", "Basic Y2xhaXJlOnMzY3JldA=="}});
  CHECK(viewed.body.find("viewed by claire from 127.0.0.1") != std::string::npos);
}

TEST_CASE("Password hashes check the right password only", "[serve]") {
  std::string hash = serve::HashPassword("correct horse", 2000);
  CHECK(hash.rfind("pbkdf2-sha256$2000$", 0) == 0);
  CHECK(serve::CheckPassword(hash, "correct horse"));
  CHECK_FALSE(serve::CheckPassword(hash, "correct horsf"));
  CHECK(serve::HashPassword("correct horse", 2000) != hash);  // fresh salt
  // salted SHA-256: sha256(bytes 0x00 0xff + "pw")
  CHECK(serve::CheckPassword("sha256$00ff$e73146f6fe8e77bc9f6132491e6a37933045d9a97b9209c74e916200fda39140", "pw"));
  CHECK_FALSE(serve::CheckPassword("sha256$00ff$e73146f6fe8e77bc9f6132491e6a37933045d9a97b9209c74e916200fda39140", "pv"));
  CHECK_FALSE(serve::CheckPassword("sha256$00ff$" + std::string(64, '0'), "pw"));
  CHECK_FALSE(serve::CheckPassword("md5$x$y", "pw"));
  CHECK_FALSE(serve::CheckPassword("pbkdf2-sha256$0$00$00", "pw"));
}

TEST_CASE("The server refuses a non-loopback address without authentication", "[serve]") {
  TempDir dir;
  FillHome(dir.path());
  auto refused = serve::StartWebServer({.home = dir.path(), .listen = "0.0.0.0:0"});
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().code() == Status::Code::kInvalidArgument);
  CHECK(refused.error().message().find("not a loopback address") != std::string::npos);
  CHECK_FALSE(serve::StartWebServer({.home = dir.path(), .listen = "[::]:0"}).has_value());
  CHECK(serve::IsLoopbackHost("127.0.0.1"));
  CHECK(serve::IsLoopbackHost("127.8.0.1"));
  CHECK(serve::IsLoopbackHost("::1"));
  CHECK(serve::IsLoopbackHost("localhost"));
  CHECK_FALSE(serve::IsLoopbackHost("0.0.0.0"));
  CHECK_FALSE(serve::IsLoopbackHost("192.168.1.10"));
  CHECK_FALSE(serve::IsLoopbackHost("example.org"));
  auto with_token = serve::StartWebServer({.home = dir.path(), .listen = "0.0.0.0:0", .token = "t"});
  CHECK(with_token.has_value());
  auto bad = serve::StartWebServer({.home = dir.path(), .listen = "127.0.0.1"});
  CHECK_FALSE(bad.has_value());
  auto no_store = serve::StartWebServer({.home = dir.path() + "/empty", .listen = "127.0.0.1:0"});
  REQUIRE_FALSE(no_store.has_value());
  CHECK(no_store.error().code() == Status::Code::kNotFound);
}
