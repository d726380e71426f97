// The Poco side of the web page: listening, threads, and the adaptation of
// Poco's request and response to Router's plain structs.
#include "serve/web_server.h"

#include <sys/stat.h>

#include <fstream>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include "serve/router.h"

namespace facteur::serve {
namespace {

using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

void SendReply(const Reply& reply, bool head, HTTPServerResponse& response) {
  response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  response.setContentType(reply.content_type);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("X-Frame-Options", "DENY");
  response.set("Referrer-Policy", "no-referrer");
  response.set("Content-Security-Policy",
               "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'");
  response.set("Cache-Control", reply.cache.empty() ? "no-store" : reply.cache);
  if (reply.challenge) response.set("WWW-Authenticate", "Basic realm=\"facteur\", charset=\"UTF-8\"");
  if (!reply.filename.empty()) response.set("Content-Disposition", "attachment; filename=\"" + reply.filename + "\"");
  if (reply.file_path.empty()) {
    response.setContentLength64(static_cast<Poco::UInt64>(reply.body.size()));
    std::ostream& out = response.send();
    if (!head) out.write(reply.body.data(), static_cast<std::streamsize>(reply.body.size()));
    return;
  }
  std::ifstream in(reply.file_path, std::ios::binary);
  struct stat st {};
  if (!in || ::stat(reply.file_path.c_str(), &st) != 0) {
    response.setStatus(Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
    response.setContentLength(0);
    response.erase("Content-Disposition");
    response.send();
    return;
  }
  response.setContentLength64(static_cast<Poco::UInt64>(st.st_size));
  std::ostream& out = response.send();
  if (!head) Poco::StreamCopier::copyStream64(in, out);
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(std::shared_ptr<Router> router) : router_(std::move(router)) {}

  void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
    Reply reply;
    try {
      Poco::URI uri(request.getURI());
      Request r{.method = request.getMethod(),
                .path = uri.getPath(),
                .raw_query = uri.getRawQuery(),
                .authorization = request.get("Authorization", ""),
                .peer = request.clientAddress().host().toString()};
      reply = router_->Handle(r);
    } catch (const Poco::SyntaxException&) {
      reply.status = 400;
      reply.body = "<!DOCTYPE html><p>bad request URI</p>";
    } catch (const std::exception&) {
      reply = Reply();  // a bug; the message could leak internals, so it stays out
      reply.status = 500;
      reply.body = "<!DOCTYPE html><p>internal error</p>";
    }
    try {
      SendReply(reply, request.getMethod() == "HEAD", response);
    } catch (const std::exception&) {
      // The client went away mid-reply: nothing to tell it.
    }
  }

 private:
  std::shared_ptr<Router> router_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(std::shared_ptr<Router> router) : router_(std::move(router)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override { return new Handler(router_); }

 private:
  std::shared_ptr<Router> router_;
};

class PocoWebServer : public WebServer {
 public:
  PocoWebServer(int threads, std::shared_ptr<Router> router, Poco::Net::ServerSocket socket)
      : pool_(1, threads + 1), port_(socket.address().port()) {
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(threads);
    params->setMaxQueued(64);
    params->setKeepAlive(true);
    params->setTimeout(Poco::Timespan(30, 0));
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(std::move(router)), pool_, socket, params);
    server_->start();
  }
  ~PocoWebServer() override { Stop(); }

  int Port() const override { return port_; }

  void Stop() override {
    if (!server_) return;
    server_->stopAll(true);  // also closes idle keep-alive connections
    pool_.joinAll();         // requests in progress finish
    server_.reset();
  }

 private:
  Poco::ThreadPool pool_;
  int port_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

// "HOST:PORT" or "[V6]:PORT".
Status SplitListen(const std::string& listen, std::string& host, int& port) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return Status::InvalidArgument("--listen '" + listen + "': want HOST:PORT");
  host = listen.substr(0, colon);
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  std::string digits = listen.substr(colon + 1);
  if (digits.empty() || digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(digits) > 65535) {
    return Status::InvalidArgument("--listen '" + listen + "': the port must be 0..65535");
  }
  port = std::stoi(digits);
  return Status::OK();
}

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  if (host == "localhost") return true;
  Poco::Net::IPAddress address;
  return Poco::Net::IPAddress::tryParse(host, address) && address.isLoopback();
}

Result<std::unique_ptr<WebServer>> StartWebServer(const ServeOptions& options) {
  std::string host;
  int port = 0;
  Status s = SplitListen(options.listen, host, port);
  if (!s.ok()) return Err(s);
  Result<Access> access = Access::Load(options.token, options.users_file);
  if (!access) return Err(access.error());
  if (!IsLoopbackHost(host) && !access->Required()) {
    return Err(Status::InvalidArgument("--listen " + options.listen +
                                       " is not a loopback address: give --token or --users so the records are not open to the network"));
  }
  struct stat st {};
  if (::stat((options.home + "/facteur.db").c_str(), &st) != 0) {
    return Err(Status::NotFound(options.home + ": no store here (facteur.db missing); run `facteur run --home " +
                                options.home + "` first"));
  }
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(options.home);
  if (!store) return Err(store.error());
  auto router = std::make_shared<Router>(std::move(*store), std::move(*access));
  try {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(host == "localhost" ? "127.0.0.1" : host,
                                                            static_cast<Poco::UInt16>(port)));
    return std::unique_ptr<WebServer>(new PocoWebServer(std::max(1, options.threads), router, std::move(socket)));
  } catch (const Poco::Exception& e) {
    return Err(Status::IOError("--listen " + options.listen + ": " + e.displayText()));
  } catch (const std::exception& e) {
    return Err(Status::IOError("--listen " + options.listen + ": " + e.what()));
  }
}

}  // namespace facteur::serve
