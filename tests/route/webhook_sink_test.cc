#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include "facteur/store.h"
#include "route/deliverer.h"
#include "route/webhook_sink.h"
#include "store/temp_home.h"

namespace facteur {
namespace {

using namespace Poco::Net;
const char kSecret[] = "s3cret";

// A receiver that misbehaves: 50% 503, some slow answers (the client times
// out after the receiver took the document), 429 with Retry-After, and 400
// for documents whose id starts with "refused".
struct Receiver {
  std::mutex mu;
  std::mt19937 rng{42};
  std::map<std::string, int> accepted;  // idempotency key -> times accepted
  int requests = 0, bad_signatures = 0, refused = 0;
};

class Handler : public HTTPRequestHandler {
 public:
  explicit Handler(Receiver& r) : r_(r) {}
  void handleRequest(HTTPServerRequest& req, HTTPServerResponse& res) override {
    std::string body;
    Poco::StreamCopier::copyToString(req.stream(), body);
    const std::string key = req.get("Idempotency-Key", "");
    int roll;
    {
      std::lock_guard<std::mutex> lock(r_.mu);
      ++r_.requests;
      if (req.get("X-Facteur-Signature", "") != route::SignBody(kSecret, body)) ++r_.bad_signatures;
      roll = static_cast<int>(r_.rng() % 10);
      if (key.rfind("refused", 0) == 0) {
        ++r_.refused;
        roll = -1;
      } else if (roll >= 5) {
        ++r_.accepted[key];  // taken (slow answers too: the client gives up, retries, we de-duplicate)
      }
    }
    if (roll == -1) {
      res.setStatus(HTTPResponse::HTTP_BAD_REQUEST);
    } else if (roll < 4) {
      res.setStatus(HTTPResponse::HTTP_SERVICE_UNAVAILABLE);
    } else if (roll == 4) {
      res.setStatus(HTTPResponse::HTTP_TOO_MANY_REQUESTS);
      res.set("Retry-After", "0");
    } else if (roll == 8) {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));  // past the client's 100 ms
    }
    res.setContentLength(2);
    res.send() << "ok";
  }

 private:
  Receiver& r_;
};

class Factory : public HTTPRequestHandlerFactory {
 public:
  explicit Factory(Receiver& r) : r_(r) {}
  HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override { return new Handler(r_); }

 private:
  Receiver& r_;
};

}  // namespace

TEST_CASE("Webhook deliveries reach a flaky receiver exactly once after de-duplication", "[route]") {
  testing::TempHome home;
  auto store = OpenSqliteStore(home.path());
  REQUIRE(store.has_value());
  const int kDocs = 20;
  for (int i = 0; i < kDocs + 2; ++i) {
    Document d;
    d.id = (i < kDocs ? "doc" : "refused") + std::to_string(i);
    d.source.path = "/in/" + d.id + ".tif";
    d.source.sha256 = std::string(64, 'b');
    d.source.received = "2026-11-22T17:41:00Z";
    d.classification.label = "complaint";
    d.queues = {"crm"};
    d.deliveries = {{.destination = "crm", .priority = 1}};
    d.pdf_path = home / (d.id + ".pdf");
    testing::WriteFile(d.pdf_path, "%PDF-1.4 " + d.id);
    REQUIRE((*store)->Put(d).ok());
  }

  Receiver receiver;
  ServerSocket socket(SocketAddress("127.0.0.1", 0));
  auto* params = new HTTPServerParams;
  params->setMaxThreads(4);
  HTTPServer server(new Factory(receiver), socket, params);
  server.start();

  route::WebhookSinkOptions options;
  options.url = "http://127.0.0.1:" + std::to_string(socket.address().port()) + "/inbound";
  options.secret = kSecret;
  options.connect_timeout_ms = 1000;
  options.timeout_ms = 100;
  options.retry = {.max_attempts = 30, .base_delay_ms = 1, .max_delay_ms = 20, .jitter = 0.5};
  route::Destinations destinations(home.path());
  destinations.Add(route::NewWebhookSink("crm", options));
  auto report = route::DeliverUntilSettled(**store, destinations, 60000);
  server.stopAll(true);
  REQUIRE(report.has_value());

  CHECK(report->delivered == kDocs);
  CHECK(report->dead == 2);
  CHECK(report->retried > 0);
  CHECK(receiver.bad_signatures == 0);
  CHECK(receiver.refused == 2);  // 400: dead at once, never retried
  CHECK(receiver.accepted.size() == kDocs);
  for (int i = 0; i < kDocs; ++i) CHECK(receiver.accepted.count("doc" + std::to_string(i) + ":crm") == 1);
  CHECK((*store)->ListDeliveries("delivered", "", 100)->size() == kDocs);
  auto dead = (*store)->ListDeliveries("dead", "", 100);
  REQUIRE(dead->size() == 2);
  CHECK(dead->front().attempts == 1);
  CHECK(dead->front().last_error.find("HTTP 400") != std::string::npos);
  INFO("requests " << receiver.requests);
}

TEST_CASE("Webhook signatures are HMAC-SHA256 of the body", "[route]") {
  // RFC 4231 test case 2.
  CHECK(route::SignBody("Jefe", "what do ya want for nothing?") ==
        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

}  // namespace facteur
