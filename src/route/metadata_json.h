// The JSON metadata a sink hands over with the PDF: the folder sink's
// sidecar and the webhook's "metadata" part. Schema: docs/delivery-payload.schema.json.
#ifndef FACTEUR_ROUTE_METADATA_JSON_H_
#define FACTEUR_ROUTE_METADATA_JSON_H_

#include <cstdint>
#include <string>

#include "facteur/document.h"

namespace facteur::route {

struct PdfInfo {
  std::string file;    // file name as delivered ("" when none)
  std::string sha256;  // of the delivered PDF bytes
  int64_t bytes = 0;
};

// One JSON object (UTF-8, one line).
std::string MetadataJson(const Document& doc, const Delivery& delivery, const PdfInfo& pdf);

// "<document id>:<destination>", the Idempotency-Key of a delivery.
std::string IdempotencyKey(const Document& doc, const Delivery& delivery);

}  // namespace facteur::route

#endif  // FACTEUR_ROUTE_METADATA_JSON_H_
