// Sink: where a routed document is delivered (a folder queue, a webhook...).
//
// The route stage only decides; the store keeps one outbox row per
// (document, destination); a Deliverer (src/route/deliverer.h) claims due
// rows and hands each to the destination's Sink. Implementations:
// FolderSink (src/route/folder_sink.*), WebhookSink (src/route/webhook_sink.*).
//
// Contract:
//  - Deliver MUST be idempotent per (document, destination): the outbox
//    gives at-least-once, so a delivery may be repeated after a crash or a
//    lost answer; a second delivery must leave the receiver as the first did
//    (same file names, same Idempotency-Key).
//  - Deliver never throws; it says whether to retry and when.
//
// Thread safety: one Deliver at a time per Sink.
#ifndef FACTEUR_SINK_H_
#define FACTEUR_SINK_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "facteur/document.h"
#include "facteur/store.h"

namespace facteur {

class Sink {
 public:
  virtual ~Sink() = default;
  // The destination (queue) name this sink serves.
  virtual std::string_view Name() const = 0;
  // Delivers the stored record `doc` (its pdf_path is the stored searchable
  // PDF) for `delivery`; `attempt` is 1 for the first try. Returns kDelivered,
  // kRetry with retry_at_ms (transient: network, 5xx, 429, disk full), or
  // kDead (the receiver refused it for good: 4xx, missing PDF).
  virtual DeliveryOutcome Deliver(const Document& doc, const Delivery& delivery, int attempt, int64_t now_ms) = 0;
};

}  // namespace facteur

#endif  // FACTEUR_SINK_H_
