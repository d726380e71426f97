#include "route/webhook_sink.h"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <sstream>
#include <utility>

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include "core/files.h"
#include "core/hash.h"
#include "route/metadata_json.h"

namespace facteur::route {
namespace {

// A boundary that cannot occur in the parts: derived from their hash.
std::string Multipart(const std::string& json, const std::string& pdf, const std::string& pdf_name,
                      std::string& boundary) {
  boundary = "facteur-" + Sha256Hex(json + pdf).substr(0, 32);
  std::string body;
  body += "--" + boundary + "\r\n";
  body += "Content-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n";
  body += json + "\r\n";
  if (!pdf_name.empty()) {
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"document\"; filename=\"" + pdf_name +
            "\"\r\nContent-Type: application/pdf\r\n\r\n";
    body += pdf + "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  return body;
}

int64_t RetryAfterMs(const Poco::Net::HTTPResponse& response) {
  if (!response.has("Retry-After")) return -1;
  const std::string& v = response.get("Retry-After");
  char* end = nullptr;
  long long secs = std::strtoll(v.c_str(), &end, 10);
  // An HTTP-date is allowed too; then the back-off decides.
  if (end == v.c_str() || *end != '\0' || secs < 0) return -1;
  return secs * 1000;
}

// The TLS client context of an https:// destination: the system's CA
// certificates (or only `ca_file` when given), the peer's certificate and
// host name checked, TLS 1.2 or later.
Poco::Net::Context::Ptr TlsContext(const WebhookSinkOptions& o) {
  static std::once_flag init;
  std::call_once(init, [] {
    Poco::Net::initializeSSL();
    // Never ask on a console: a certificate that does not verify is refused.
    Poco::Net::SSLManager::instance().initializeClient(
        nullptr, new Poco::Net::RejectCertificateHandler(false),
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, Poco::Net::Context::Params()));
  });
  Poco::Net::Context::Params params;
  params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;  // a client: verify the server's certificate
  params.caLocation = o.ca_file;
  params.loadDefaultCAs = o.ca_file.empty();
  params.cipherList = "HIGH:!aNULL:!MD5";
  Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
  context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
  return context;
}

class WebhookSink : public Sink {
 public:
  WebhookSink(std::string name, WebhookSinkOptions options) : name_(std::move(name)), options_(std::move(options)) {
    Poco::URI uri(options_.url);
    if (uri.getScheme() == "https") tls_ = TlsContext(options_);
  }
  std::string_view Name() const override { return name_; }

  DeliveryOutcome Deliver(const Document& doc, const Delivery& delivery, int attempt, int64_t now_ms) override {
    std::string pdf;
    PdfInfo info;
    if (!doc.pdf_path.empty()) {
      auto read = ReadFile(doc.pdf_path);
      if (!read) return {DeliveryOutcome::Kind::kDead, 0, read.error().message()};
      pdf = std::move(*read);
      info = {.file = doc.id + ".pdf", .sha256 = Sha256Hex(pdf), .bytes = static_cast<int64_t>(pdf.size())};
    }
    std::string boundary;
    const std::string body = Multipart(MetadataJson(doc, delivery, info), pdf, info.file, boundary);
    try {
      Poco::URI uri(options_.url);
      std::unique_ptr<Poco::Net::HTTPClientSession> owned;
      if (tls_)
        owned = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), tls_);
      else
        owned = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
      Poco::Net::HTTPClientSession& session = *owned;
      session.setTimeout(Poco::Timespan(options_.connect_timeout_ms * 1000), Poco::Timespan(options_.timeout_ms * 1000),
                         Poco::Timespan(options_.timeout_ms * 1000));
      Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery(),
                                     Poco::Net::HTTPMessage::HTTP_1_1);
      request.setContentType("multipart/form-data; boundary=" + boundary);
      request.setContentLength(static_cast<std::streamsize>(body.size()));
      request.set("Idempotency-Key", IdempotencyKey(doc, delivery));
      request.set("X-Facteur-Delivery-Attempt", std::to_string(attempt));
      if (!options_.secret.empty()) request.set("X-Facteur-Signature", SignBody(options_.secret, body));
      session.sendRequest(request) << body;
      Poco::Net::HTTPResponse response;
      std::istream& in = session.receiveResponse(response);
      std::ostringstream answer;
      Poco::StreamCopier::copyStream(in, answer, 4096);
      const int code = static_cast<int>(response.getStatus());
      const std::string what = options_.url + ": HTTP " + std::to_string(code);
      if (code >= 200 && code < 300) return {DeliveryOutcome::Kind::kDelivered, 0, what};
      if (code >= 500 || code == 429 || code == 408) return options_.retry.Failed(attempt, now_ms, what, RetryAfterMs(response));
      return {DeliveryOutcome::Kind::kDead, 0, what + " " + answer.str().substr(0, 200)};
    } catch (const Poco::Exception& e) {
      return options_.retry.Failed(attempt, now_ms, options_.url + ": " + e.displayText());
    } catch (const std::exception& e) {
      return options_.retry.Failed(attempt, now_ms, options_.url + ": " + e.what());
    }
  }

 private:
  const std::string name_;
  const WebhookSinkOptions options_;
  Poco::Net::Context::Ptr tls_;  // set for https:// URLs
};

}  // namespace

std::string SignBody(const std::string& secret, const std::string& body) {
  return "sha256=" + HmacSha256Hex(secret, body);
}

Result<WebhookSinkOptions> WebhookSinkOptionsFrom(const Settings& s) {
  WebhookSinkOptions o;
  auto url = s.String("url", "");
  if (!url) return Err(url.error());
  if (url->rfind("http://", 0) != 0 && url->rfind("https://", 0) != 0)
    return Err(s.Error("webhook: url must start with http:// or https://: '" + *url + "'"));
  try {
    Poco::URI uri(*url);
    if (uri.getHost().empty()) return Err(s.Error("webhook: url has no host: '" + *url + "'"));
  } catch (const Poco::Exception& e) {
    return Err(s.Error("webhook: bad url '" + *url + "': " + e.displayText()));
  }
  o.url = *url;
  auto ca_file = s.String("ca_file", "");
  if (!ca_file) return Err(ca_file.error());
  if (!ca_file->empty() && !std::filesystem::is_regular_file(*ca_file))
    return Err(s.Error("webhook: ca_file '" + *ca_file + "' is not a file"));
  o.ca_file = *ca_file;
  auto secret = s.String("secret", "");
  auto secret_env = s.String("secret_env", "");
  if (!secret) return Err(secret.error());
  if (!secret_env) return Err(secret_env.error());
  o.secret = *secret;
  if (!secret_env->empty()) {
    const char* v = std::getenv(secret_env->c_str());
    if (v == nullptr || *v == '\0') return Err(s.Error("webhook: environment variable " + *secret_env + " is not set"));
    o.secret = v;
  }
  auto connect = s.Int("connect_timeout_ms", o.connect_timeout_ms);
  auto timeout = s.Int("timeout_ms", o.timeout_ms);
  if (!connect) return Err(connect.error());
  if (!timeout) return Err(timeout.error());
  o.connect_timeout_ms = *connect;
  o.timeout_ms = *timeout;
  auto retry = RetryPolicy::FromSettings(s);
  if (!retry) return Err(retry.error());
  o.retry = *retry;
  return o;
}

std::unique_ptr<Sink> NewWebhookSink(std::string name, WebhookSinkOptions options) {
  return std::make_unique<WebhookSink>(std::move(name), std::move(options));
}

}  // namespace facteur::route
