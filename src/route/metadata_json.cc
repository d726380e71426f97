#include "route/metadata_json.h"

#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

namespace facteur::route {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr NewObject() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

}  // namespace

std::string IdempotencyKey(const Document& doc, const Delivery& delivery) {
  return doc.id + ":" + delivery.destination;
}

std::string MetadataJson(const Document& doc, const Delivery& delivery, const PdfInfo& pdf) {
  Object::Ptr o = NewObject();
  o->set("schema", "facteur.delivery/1");
  o->set("document_id", doc.id);
  o->set("idempotency_key", IdempotencyKey(doc, delivery));
  o->set("destination", delivery.destination);
  o->set("status", std::string(DocStatusName(doc.status)));
  Object::Ptr cls = NewObject();
  cls->set("label", doc.classification.label);
  cls->set("confidence", doc.classification.confidence);
  cls->set("reason", doc.classification.reason);
  Array::Ptr candidates = new Array;
  for (const Candidate& c : doc.classification.candidates) {
    Object::Ptr co = NewObject();
    co->set("label", c.label);
    co->set("confidence", c.confidence);
    candidates->add(co);
  }
  cls->set("candidates", candidates);
  o->set("class", cls);
  Object::Ptr fields = NewObject();
  for (const auto& [name, f] : doc.fields) {
    Object::Ptr fo = NewObject();
    fo->set("value", f.value);
    fo->set("confidence", f.confidence);
    fields->set(name, fo);
  }
  o->set("fields", fields);
  auto customer = doc.fields.find("customer");
  if (customer == doc.fields.end()) customer = doc.fields.find("customer_id");
  o->set("customer", customer == doc.fields.end() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(customer->second.value));
  Object::Ptr route = NewObject();
  Array::Ptr queues = new Array;
  for (const std::string& q : doc.queues) queues->add(q);
  route->set("queues", queues);
  route->set("priority", delivery.priority);
  route->set("due", delivery.due.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(delivery.due));
  o->set("route", route);
  Object::Ptr source = NewObject();
  source->set("path", doc.source.path);
  source->set("sha256", doc.source.sha256);
  source->set("bytes", doc.source.bytes);
  source->set("format", doc.source.format);
  source->set("channel", std::string(ChannelName(doc.source.channel)));
  source->set("received", doc.source.received);
  Object::Ptr context = NewObject();
  for (const auto& [k, v] : doc.source.context) context->set(k, v);
  source->set("context", context);
  o->set("original", source);
  Object::Ptr p = NewObject();
  p->set("file", pdf.file);
  p->set("sha256", pdf.sha256);
  p->set("bytes", pdf.bytes);
  p->set("pages", static_cast<int>(doc.pages.size()));
  o->set("pdf", p);
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(o, out);
  return out.str();
}

}  // namespace facteur::route
