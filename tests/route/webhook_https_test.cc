// Webhooks over HTTPS: a loopback TLS receiver with a certificate made for
// the test; delivered when its CA is trusted, refused (and retried) when not.
#include <catch2/catch.hpp>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/StreamCopier.h>

#include <atomic>
#include <cstdlib>
#include <sstream>

#include "facteur/store.h"
#include "route/deliverer.h"
#include "route/webhook_sink.h"
#include "store/temp_home.h"

namespace facteur {
namespace {

using namespace Poco::Net;

std::atomic<int> g_signed{0};

class Handler : public HTTPRequestHandler {
 public:
  void handleRequest(HTTPServerRequest& req, HTTPServerResponse& res) override {
    std::ostringstream body;
    Poco::StreamCopier::copyStream(req.stream(), body);
    if (req.get("X-Facteur-Signature", "") == route::SignBody("tls-secret", body.str())) ++g_signed;
    res.setStatus(HTTPResponse::HTTP_OK);
    res.send() << "ok";
  }
};

class Factory : public HTTPRequestHandlerFactory {
 public:
  HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override { return new Handler; }
};

// A self-signed certificate for "localhost", made with the openssl CLI.
void MakeCertificate(const std::string& dir) {
  const std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost"
                          " -addext subjectAltName=DNS:localhost -keyout '" + dir + "/key.pem' -out '" + dir +
                          "/cert.pem' >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
}

void PutOne(Store& store, const testing::TempHome& home, const std::string& id) {
  Document d;
  d.id = id;
  d.source.path = "/in/" + id + ".tif";
  d.source.sha256 = std::string(64, 'c');
  d.source.received = "2026-11-22T17:41:00Z";
  d.queues = {"crm"};
  d.deliveries = {{.destination = "crm", .priority = 1}};
  d.pdf_path = home / (id + ".pdf");
  testing::WriteFile(d.pdf_path, "%PDF-1.4 " + id);
  REQUIRE(store.Put(d).ok());
}

}  // namespace

TEST_CASE("Webhooks go over HTTPS to a receiver whose certificate is trusted, and never to one that is not",
          "[route][https]") {
  testing::TempHome home;
  MakeCertificate(home.path());
  Context::Ptr server_tls = new Context(Context::TLS_SERVER_USE, home / "key.pem", home / "cert.pem", "",
                                        Context::VERIFY_NONE);
  SecureServerSocket socket(SocketAddress("127.0.0.1", 0), 64, server_tls);
  HTTPServer server(new Factory, socket, new HTTPServerParams);
  server.start();
  const std::string url = "https://localhost:" + std::to_string(socket.address().port()) + "/inbound";

  auto store = OpenSqliteStore(home.path());
  REQUIRE(store.has_value());
  route::WebhookSinkOptions options;
  options.url = url;
  options.secret = "tls-secret";
  options.connect_timeout_ms = 2000;
  options.timeout_ms = 5000;
  options.retry = {.max_attempts = 2, .base_delay_ms = 1, .max_delay_ms = 5, .jitter = 0};

  SECTION("trusted through ca_file") {
    PutOne(**store, home, "doc-tls");
    options.ca_file = home / "cert.pem";
    route::Destinations destinations(home.path());
    destinations.Add(route::NewWebhookSink("crm", options));
    auto report = route::DeliverUntilSettled(**store, destinations, 30000);
    REQUIRE(report.has_value());
    CHECK(report->delivered == 1);
    CHECK(g_signed.load() == 1);
  }
  SECTION("an unknown CA: the certificate is refused, nothing is sent, the delivery ends dead") {
    g_signed = 0;
    PutOne(**store, home, "doc-untrusted");
    route::Destinations destinations(home.path());
    destinations.Add(route::NewWebhookSink("crm", options));  // system CAs only
    auto report = route::DeliverUntilSettled(**store, destinations, 30000);
    REQUIRE(report.has_value());
    CHECK(report->delivered == 0);
    CHECK(g_signed.load() == 0);
    auto dead = (*store)->ListDeliveries("dead", "", 10);
    REQUIRE(dead->size() == 1);
    INFO(dead->front().last_error);
    CHECK(dead->front().last_error.find("https://localhost") != std::string::npos);
  }
  server.stopAll(true);
}

}  // namespace facteur
