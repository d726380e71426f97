#include "cli/record_json.h"

#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

namespace facteur {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr NewObject() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

std::string ToLine(const Object::Ptr& obj) {
  std::ostringstream out;
  // indent 0 = one line; Poco escapes control characters and keeps UTF-8.
  Poco::JSON::Stringifier::condense(obj, out);
  return out.str();
}

Object::Ptr LineObject(const Document& doc) {
  Object::Ptr o = NewObject();
  o->set("id", doc.id);
  o->set("source", doc.source.path);
  o->set("sha256", doc.source.sha256);
  o->set("pages", static_cast<int>(doc.pages.size()));
  // 1-based page range in the original: a letter cut out of a scanned stack.
  if (doc.source.last_page >= doc.source.first_page)
    o->set("source_pages", std::to_string(doc.source.first_page + 1) + "-" + std::to_string(doc.source.last_page + 1));
  o->set("class", doc.classification.label);
  o->set("confidence", doc.classification.confidence);
  Object::Ptr fields = NewObject();
  for (const auto& [name, field] : doc.fields) fields->set(name, field.value);
  o->set("fields", fields);
  Array::Ptr queues = new Array;
  for (const std::string& q : doc.queues) queues->add(q);
  o->set("queues", queues);
  o->set("status", std::string(DocStatusName(doc.status)));
  if (doc.error.empty()) {
    o->set("error", Poco::Dynamic::Var());
  } else {
    o->set("error", doc.error);
  }
  return o;
}

}  // namespace

std::string DocumentLine(const Document& doc) {
  Object::Ptr o = LineObject(doc);
  if (!doc.duplicate_of.empty()) o->set("duplicate_of", doc.duplicate_of);
  return ToLine(o);
}

std::string DocumentFull(const Document& doc) {
  Object::Ptr o = LineObject(doc);
  o->set("reason", doc.classification.reason);
  Array::Ptr candidates = new Array;
  for (const Candidate& c : doc.classification.candidates) {
    Object::Ptr co = NewObject();
    co->set("class", c.label);
    co->set("confidence", c.confidence);
    candidates->add(co);
  }
  o->set("candidates", candidates);
  Object::Ptr source = NewObject();
  source->set("format", doc.source.format);
  source->set("bytes", doc.source.bytes);
  source->set("channel", std::string(ChannelName(doc.source.channel)));
  source->set("received", doc.source.received);
  source->set("first_page", doc.source.first_page);
  source->set("last_page", doc.source.last_page);
  Object::Ptr context = NewObject();
  for (const auto& [k, v] : doc.source.context) context->set(k, v);
  source->set("context", context);
  o->set("capture", source);
  Array::Ptr pages = new Array;
  for (const Page& p : doc.pages) {
    Object::Ptr po = NewObject();
    po->set("index", p.index);
    po->set("source_index", p.source_index);
    po->set("width", p.width);
    po->set("height", p.height);
    po->set("dpi", p.dpi);
    po->set("is_fax", p.is_fax);
    po->set("text_layer", p.has_text_layer);
    po->set("ocr_failed", p.ocr_failed);
    po->set("mean_confidence", p.text.mean_confidence);
    po->set("words", static_cast<int>(p.text.words.size()));
    Array::Ptr notes = new Array;
    for (const std::string& n : p.notes) notes->add(n);
    po->set("notes", notes);
    pages->add(po);
  }
  o->set("page_details", pages);
  Array::Ptr events = new Array;
  for (const Event& e : doc.events) {
    Object::Ptr eo = NewObject();
    eo->set("time", e.time);
    eo->set("stage", e.stage);
    eo->set("message", e.message);
    events->add(eo);
  }
  o->set("events", events);
  return ToLine(o);
}

std::string HitLine(const SearchHit& hit) {
  Object::Ptr o = NewObject();
  o->set("id", hit.id);
  o->set("score", hit.score);
  o->set("class", hit.label);
  o->set("source", hit.source);
  o->set("snippet", hit.snippet);
  o->set("received", hit.received);
  o->set("status", hit.status);
  return ToLine(o);
}

std::string JournalLine(const JournalEntry& e) {
  Object::Ptr o = NewObject();
  o->set("seq", static_cast<Poco::Int64>(e.seq));
  o->set("time", e.time);
  o->set("document", e.document_id);
  o->set("stage", e.stage);
  o->set("message", e.message);
  o->set("prev_hash", e.prev_hash);
  o->set("hash", e.hash);
  return ToLine(o);
}

}  // namespace facteur
