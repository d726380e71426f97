#include "core/stage_registry.h"

#include <cassert>

namespace facteur {

void StageRegistry::Add(const std::string& name, const std::string& summary, StageFactory factory) {
  assert(entries_.count(name) == 0 && "stage registered twice");
  entries_[name] = Entry{summary, std::move(factory)};
}

const StageFactory* StageRegistry::Find(const std::string& name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : &it->second.factory;
}

std::vector<std::pair<std::string, std::string>> StageRegistry::List() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, entry] : entries_) out.emplace_back(name, entry.summary);
  return out;
}

}  // namespace facteur
