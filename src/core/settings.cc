#include "facteur/settings.h"


#include <yaml-cpp/yaml.h>

namespace facteur {

struct Settings::Rep {
  YAML::Node node;
  std::string origin;
};

namespace {

std::string Loc(const std::string& origin, const YAML::Node& node) {
  if (node && node.Mark().line >= 0) return origin + ":" + std::to_string(node.Mark().line + 1);
  return origin;
}

template <typename T>
Result<T> Get(const std::shared_ptr<const Settings::Rep>& rep, const std::string& key, T def,
              const char* type_name);

}  // namespace

Settings::Settings() : rep_(std::make_shared<Rep>()) {}
Settings::~Settings() = default;
Settings::Settings(const Settings&) = default;
Settings& Settings::operator=(const Settings&) = default;
Settings::Settings(std::shared_ptr<const Rep> rep) : rep_(std::move(rep)) {}

Result<Settings> Settings::Parse(const std::string& yaml, const std::string& origin) {
  try {
    auto rep = std::make_shared<Rep>();
    rep->node = YAML::Load(yaml);
    rep->origin = origin;
    return Settings(rep);
  } catch (const YAML::Exception& e) {
    return Err(Status::InvalidArgument(origin + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg));
  }
}

bool Settings::Has(const std::string& key) const {
  return rep_->node.IsMap() && rep_->node[key];
}
bool Settings::IsMap() const { return rep_->node.IsMap(); }
bool Settings::IsList() const { return rep_->node.IsSequence(); }

std::vector<std::string> Settings::Keys() const {
  std::vector<std::string> keys;
  if (!rep_->node.IsMap()) return keys;
  for (const auto& kv : rep_->node) keys.push_back(kv.first.as<std::string>());
  return keys;
}

namespace {

template <typename T>
Result<T> Get(const std::shared_ptr<const Settings::Rep>& rep, const std::string& key, T def,
              const char* type_name) {
  if (!rep->node.IsMap()) return def;
  YAML::Node v = rep->node[key];
  if (!v || v.IsNull()) return def;
  try {
    if (!v.IsScalar()) throw YAML::BadConversion(v.Mark());
    return v.as<T>();
  } catch (const YAML::Exception&) {
    return Err(Status::InvalidArgument(Loc(rep->origin, v) + ": " + key + ": expected " + type_name));
  }
}

}  // namespace

Result<std::string> Settings::String(const std::string& key, const std::string& def) const {
  return Get<std::string>(rep_, key, def, "a string");
}
Result<long long> Settings::Int(const std::string& key, long long def) const {
  return Get<long long>(rep_, key, def, "a whole number");
}
Result<double> Settings::Double(const std::string& key, double def) const {
  return Get<double>(rep_, key, def, "a number");
}
Result<bool> Settings::Bool(const std::string& key, bool def) const {
  return Get<bool>(rep_, key, def, "true or false");
}

Result<std::vector<std::string>> Settings::StringList(const std::string& key) const {
  std::vector<std::string> out;
  if (!rep_->node.IsMap()) return out;
  YAML::Node v = rep_->node[key];
  if (!v || v.IsNull()) return out;
  if (v.IsScalar()) return std::vector<std::string>{v.as<std::string>()};
  if (!v.IsSequence())
    return Err(Status::InvalidArgument(Loc(rep_->origin, v) + ": " + key + ": expected a list of strings"));
  for (const auto& item : v) {
    if (!item.IsScalar())
      return Err(Status::InvalidArgument(Loc(rep_->origin, item) + ": " + key + ": expected a list of strings"));
    out.push_back(item.as<std::string>());
  }
  return out;
}

Result<Settings> Settings::Child(const std::string& key) const {
  auto rep = std::make_shared<Rep>();
  rep->origin = rep_->origin;
  if (rep_->node.IsMap() && rep_->node[key]) {
    YAML::Node v = rep_->node[key];
    if (!v.IsNull() && !v.IsMap())
      return Err(Status::InvalidArgument(Loc(rep_->origin, v) + ": " + key + ": expected a map of settings"));
    rep->node = v;
  }
  return Settings(rep);
}

Result<std::vector<Settings>> Settings::Items(const std::string& key) const {
  std::vector<Settings> out;
  if (!rep_->node.IsMap()) return out;
  YAML::Node v = rep_->node[key];
  if (!v || v.IsNull()) return out;
  if (!v.IsSequence()) return Err(Status::InvalidArgument(Loc(rep_->origin, v) + ": " + key + ": expected a list"));
  Settings list(std::make_shared<Rep>(Rep{v, rep_->origin}));
  return list.Elements();
}

std::vector<Settings> Settings::Elements() const {
  std::vector<Settings> out;
  if (!rep_->node.IsSequence()) return out;
  for (const auto& item : rep_->node) out.push_back(Settings(std::make_shared<Rep>(Rep{item, rep_->origin})));
  return out;
}

std::string Settings::Scalar() const {
  return rep_->node.IsScalar() ? rep_->node.as<std::string>() : std::string();
}

const std::string& Settings::Origin() const { return rep_->origin; }

std::string Settings::Where() const { return Loc(rep_->origin, rep_->node); }

Status Settings::Error(const std::string& msg) const { return Status::InvalidArgument(Where() + ": " + msg); }

}  // namespace facteur
