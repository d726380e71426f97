// WebhookSink: HTTP POST of the metadata JSON and the PDF (multipart/form-data,
// parts "metadata" and "document") with Poco::Net. Payload and signature:
// docs/webhook.md, docs/delivery-payload.schema.json.
//
// Headers: Idempotency-Key "<document id>:<destination>" (the same on every
// attempt), X-Facteur-Signature "sha256=<hex HMAC-SHA256 of the body with
// the destination's secret>", X-Facteur-Delivery-Attempt.
// 2xx: delivered. Network error, timeout, 5xx, 408, 429: retry with
// back-off (Retry-After honoured, in seconds). Other status: dead at once.
// HTTPS needs Poco NetSSL, which this build does not link: https URLs are
// refused when the pipeline is loaded.
#ifndef FACTEUR_ROUTE_WEBHOOK_SINK_H_
#define FACTEUR_ROUTE_WEBHOOK_SINK_H_

#include <memory>
#include <string>

#include "facteur/settings.h"
#include "facteur/sink.h"
#include "route/retry_policy.h"

namespace facteur::route {

struct WebhookSinkOptions {
  std::string url;             // http://host:port/path or https://...
  std::string ca_file;         // https: trust only this PEM CA file (default: the system's CAs)
  std::string secret;          // HMAC key; empty = no signature header
  int64_t connect_timeout_ms = 10000;
  int64_t timeout_ms = 30000;  // send and receive
  RetryPolicy retry;
};

std::unique_ptr<Sink> NewWebhookSink(std::string name, WebhookSinkOptions options);

// url, ca_file, secret or secret_env (the name of an environment variable),
// connect_timeout_ms, timeout_ms and retry settings.
Result<WebhookSinkOptions> WebhookSinkOptionsFrom(const Settings& s);

// "sha256=<hex>" of HMAC-SHA256(secret, body).
std::string SignBody(const std::string& secret, const std::string& body);

}  // namespace facteur::route

#endif  // FACTEUR_ROUTE_WEBHOOK_SINK_H_
