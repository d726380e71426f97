// Settings: one stage's section of a pipeline file, read-only.
//
// Wraps the parsed YAML without exposing yaml-cpp. Getters take a default and
// fail with kInvalidArgument naming "file:line: key: problem" when a value is
// present but of the wrong type, so a typo in a pipeline file is reported,
// never silently ignored.
//
// Thread safety: const methods may be called from several threads.
#ifndef FACTEUR_SETTINGS_H_
#define FACTEUR_SETTINGS_H_

#include <memory>
#include <string>
#include <vector>

#include "facteur/status.h"

namespace facteur {

class Settings {
 public:
  Settings();  // empty: every getter returns its default
  ~Settings();
  Settings(const Settings&);
  Settings& operator=(const Settings&);

  // Parses YAML text; `origin` names it in errors (a file path).
  static Result<Settings> Parse(const std::string& yaml, const std::string& origin);

  bool Has(const std::string& key) const;
  bool IsMap() const;
  bool IsList() const;
  // Keys of a map, in file order.
  std::vector<std::string> Keys() const;

  Result<std::string> String(const std::string& key, const std::string& def) const;
  Result<long long> Int(const std::string& key, long long def) const;
  Result<double> Double(const std::string& key, double def) const;
  Result<bool> Bool(const std::string& key, bool def) const;
  // A list of strings, or a single string as a one-element list.
  Result<std::vector<std::string>> StringList(const std::string& key) const;
  // A sub-map (empty Settings when absent).
  Result<Settings> Child(const std::string& key) const;
  // The elements of a list (empty when absent).
  Result<std::vector<Settings>> Items(const std::string& key) const;
  // This node's elements, when it is a list.
  std::vector<Settings> Elements() const;
  // This node as a scalar string ("" when it is not one).
  std::string Scalar() const;

  // The file (or other origin) these settings were parsed from.
  const std::string& Origin() const;
  // "pipelines/default.yaml:12" for errors about this node.
  std::string Where() const;
  // An error about this node: "pipelines/default.yaml:12: <msg>".
  Status Error(const std::string& msg) const;

  struct Rep;  // the parsed YAML node; defined in src/core/settings.cc

 private:
  std::shared_ptr<const Rep> rep_;
  explicit Settings(std::shared_ptr<const Rep> rep);
};

}  // namespace facteur

#endif  // FACTEUR_SETTINGS_H_
