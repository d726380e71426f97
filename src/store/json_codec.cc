#include "store/json_codec.h"

#include <exception>
#include <sstream>

#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

namespace facteur::store {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string Stringify(const Poco::Dynamic::Var& v) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(v, out);
  return out.str();
}

// Runs `decode` on the parsed JSON, turning Poco's exceptions (bad syntax,
// wrong types, missing keys) into kCorrupt.
template <typename T, typename F>
Result<T> Decode(const std::string& json, const std::string& what, F decode) {
  try {
    Poco::JSON::Parser parser;
    Poco::Dynamic::Var root = parser.parse(json);
    return decode(root);
  } catch (const Poco::Exception& e) {
    return Err(Status::Corrupt(what + ": bad JSON: " + e.displayText()));
  } catch (const std::exception& e) {
    return Err(Status::Corrupt(what + ": bad JSON: " + e.what()));
  }
}

Object::Ptr AsObject(const Poco::Dynamic::Var& v) { return v.extract<Object::Ptr>(); }
Array::Ptr AsArray(const Poco::Dynamic::Var& v) { return v.extract<Array::Ptr>(); }

}  // namespace

std::string EncodeContext(const std::map<std::string, std::string>& context) {
  Object::Ptr obj = new Object;
  for (const auto& [key, value] : context) obj->set(key, value);
  return Stringify(obj);
}

std::string EncodeCandidates(const std::vector<Candidate>& candidates) {
  Array::Ptr arr = new Array;
  for (const Candidate& c : candidates) {
    Object::Ptr obj = new Object;
    obj->set("label", c.label);
    obj->set("confidence", c.confidence);
    arr->add(obj);
  }
  return Stringify(arr);
}

std::string EncodeFields(const std::map<std::string, Field>& fields) {
  Object::Ptr obj = new Object;
  for (const auto& [name, f] : fields) {
    Object::Ptr field = new Object;
    field->set("value", f.value);
    field->set("confidence", f.confidence);
    field->set("page", f.page);
    if (!f.box.empty()) {  // "box": [x, y, w, h] in page pixels, only when located
      Array::Ptr box = new Array;
      for (int v : {f.box.x, f.box.y, f.box.w, f.box.h}) box->add(v);
      field->set("box", box);
    }
    obj->set(name, field);
  }
  return Stringify(obj);
}

std::string EncodeStrings(const std::vector<std::string>& strings) {
  Array::Ptr arr = new Array;
  for (const std::string& s : strings) arr->add(s);
  return Stringify(arr);
}

std::string EncodeWords(const std::vector<WordBox>& words) {
  Array::Ptr arr = new Array;
  for (const WordBox& w : words) {
    Object::Ptr obj = new Object;
    obj->set("text", w.text);
    obj->set("x", w.x);
    obj->set("y", w.y);
    obj->set("w", w.w);
    obj->set("h", w.h);
    obj->set("conf", static_cast<double>(w.confidence));
    arr->add(obj);
  }
  return Stringify(arr);
}

Result<std::map<std::string, std::string>> DecodeContext(const std::string& json,
                                                         const std::string& what) {
  using Map = std::map<std::string, std::string>;
  return Decode<Map>(json, what, [](const Poco::Dynamic::Var& root) -> Result<Map> {
    Map out;
    Object::Ptr obj = AsObject(root);
    for (const auto& [key, value] : *obj) out[key] = value.convert<std::string>();
    return out;
  });
}

Result<std::vector<Candidate>> DecodeCandidates(const std::string& json, const std::string& what) {
  using Vec = std::vector<Candidate>;
  return Decode<Vec>(json, what, [](const Poco::Dynamic::Var& root) -> Result<Vec> {
    Vec out;
    for (const Poco::Dynamic::Var& item : *AsArray(root)) {
      Object::Ptr obj = AsObject(item);
      out.push_back({.label = obj->getValue<std::string>("label"),
                     .confidence = obj->getValue<double>("confidence")});
    }
    return out;
  });
}

Result<std::map<std::string, Field>> DecodeFields(const std::string& json, const std::string& what) {
  using Map = std::map<std::string, Field>;
  return Decode<Map>(json, what, [](const Poco::Dynamic::Var& root) -> Result<Map> {
    Map out;
    Object::Ptr obj = AsObject(root);
    for (const auto& [name, value] : *obj) {
      Object::Ptr f = AsObject(value);
      out[name] = Field{.value = f->getValue<std::string>("value"),
                        .confidence = f->getValue<double>("confidence"),
                        .page = f->getValue<int>("page")};
      if (f->has("box")) {
        Array::Ptr box = f->getArray("box");
        if (box && box->size() == 4)
          out[name].box = Box{box->getElement<int>(0), box->getElement<int>(1), box->getElement<int>(2),
                              box->getElement<int>(3)};
      }
    }
    return out;
  });
}

Result<std::vector<std::string>> DecodeStrings(const std::string& json, const std::string& what) {
  using Vec = std::vector<std::string>;
  return Decode<Vec>(json, what, [](const Poco::Dynamic::Var& root) -> Result<Vec> {
    Vec out;
    for (const Poco::Dynamic::Var& item : *AsArray(root)) out.push_back(item.convert<std::string>());
    return out;
  });
}

Result<std::vector<WordBox>> DecodeWords(const std::string& json, const std::string& what) {
  using Vec = std::vector<WordBox>;
  return Decode<Vec>(json, what, [](const Poco::Dynamic::Var& root) -> Result<Vec> {
    Vec out;
    for (const Poco::Dynamic::Var& item : *AsArray(root)) {
      Object::Ptr obj = AsObject(item);
      out.push_back({.text = obj->getValue<std::string>("text"),
                     .x = obj->getValue<int>("x"),
                     .y = obj->getValue<int>("y"),
                     .w = obj->getValue<int>("w"),
                     .h = obj->getValue<int>("h"),
                     .confidence = static_cast<float>(obj->getValue<double>("conf"))});
    }
    return out;
  });
}

}  // namespace facteur::store
