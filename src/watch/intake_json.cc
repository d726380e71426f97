#include "watch/intake_json.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace facteur {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr NewObject() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

std::string Pretty(const Object::Ptr& obj) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(obj, out, 2);
  out << "\n";
  return out.str();
}

Result<Object::Ptr> ParseObject(const std::string& text, const std::string& origin) {
  try {
    Poco::JSON::Parser parser;
    Poco::Dynamic::Var v = parser.parse(text);
    if (v.type() != typeid(Object::Ptr)) return Err(Status::Corrupt(origin + ": not a JSON object"));
    return v.extract<Object::Ptr>();
  } catch (const Poco::Exception& e) {
    return Err(Status::Corrupt(origin + ": not valid JSON: " + e.displayText()));
  }
}

const std::map<std::string, std::string>& Aliases() {
  static const auto* m =
      new std::map<std::string, std::string>{{"batch", "batch_id"},       {"csid", "fax_csid"},
                                             {"tsi", "fax_csid"},         {"remote_station_id", "fax_csid"},
                                             {"caller", "caller_number"}, {"cid", "caller_number"},
                                             {"called", "called_number"}, {"did", "called_number"}};
  return *m;
}

}  // namespace

Result<Sidecar> ParseSidecar(const std::string& text, const std::string& origin) {
  auto obj = ParseObject(text, origin);
  if (!obj) return Err(obj.error());
  Sidecar out;
  for (const auto& [key, value] : **obj) {
    if (value.isEmpty() || value.type() == typeid(Object::Ptr) || value.type() == typeid(Array::Ptr))
      continue;
    std::string v = value.convert<std::string>();
    if (key == "channel") {
      if (v == "fax")
        out.channel = Channel::kFax;
      else if (v == "folder" || v == "scan")
        out.channel = Channel::kFolder;
      else if (v == "batch")
        out.channel = Channel::kBatch;
      else
        return Err(Status::InvalidArgument(origin + ": unknown channel '" + v + "' (fax, folder or batch)"));
      continue;
    }
    auto alias = Aliases().find(key);
    out.context[alias != Aliases().end() ? alias->second : key] = v;
  }
  return out;
}

std::string FailureJson(const FailureReport& r) {
  Object::Ptr o = NewObject();
  o->set("file", r.file);
  o->set("reason", r.reason);
  o->set("stage", r.stage);
  o->set("time", r.time);
  o->set("attempts", r.attempts);
  return Pretty(o);
}

std::string StatusJson(const IntakeStatus& s) {
  Object::Ptr o = NewObject();
  o->set("state", s.state);
  o->set("pid", s.pid);
  o->set("started", s.started);
  o->set("updated", s.updated);
  Object::Ptr c = NewObject();
  c->set("taken", s.counters.taken);
  c->set("done", s.counters.done);
  c->set("failed", s.counters.failed);
  c->set("retried", s.counters.retried);
  c->set("duplicate", s.counters.duplicate);
  c->set("queue_depth", s.counters.queue_depth);
  o->set("counters", c);
  Array::Ptr folders = new Array;
  for (const std::string& f : s.folders) folders->add(f);
  o->set("folders", folders);
  o->set("last", s.last);
  return Pretty(o);
}

Result<IntakeStatus> ParseStatusJson(const std::string& text, const std::string& origin) {
  auto obj = ParseObject(text, origin);
  if (!obj) return Err(obj.error());
  try {
    IntakeStatus s;
    const Object::Ptr& o = *obj;
    s.state = o->optValue<std::string>("state", "");
    s.pid = o->optValue<int>("pid", 0);
    s.started = o->optValue<std::string>("started", "");
    s.updated = o->optValue<std::string>("updated", "");
    s.last = o->optValue<std::string>("last", "");
    if (Object::Ptr c = o->getObject("counters")) {
      s.counters.taken = c->optValue<int64_t>("taken", 0);
      s.counters.done = c->optValue<int64_t>("done", 0);
      s.counters.failed = c->optValue<int64_t>("failed", 0);
      s.counters.retried = c->optValue<int64_t>("retried", 0);
      s.counters.duplicate = c->optValue<int64_t>("duplicate", 0);
      s.counters.queue_depth = c->optValue<int64_t>("queue_depth", 0);
    }
    if (Array::Ptr f = o->getArray("folders"))
      for (size_t i = 0; i < f->size(); ++i)
        s.folders.push_back(f->getElement<std::string>(static_cast<unsigned>(i)));
    return s;
  } catch (const Poco::Exception& e) {
    return Err(Status::Corrupt(origin + ": " + e.displayText()));
  }
}

}  // namespace facteur
