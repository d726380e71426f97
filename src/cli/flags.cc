#include "cli/flags.h"

#include <cstdlib>

namespace facteur {

Result<Flags> Flags::Parse(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs) {
  Flags flags;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      flags.positional_.insert(flags.positional_.end(), args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    }
    if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
      if (arg.size() > 1 && arg[0] == '-' && arg != "-")
        return Err(Status::InvalidArgument("unknown option '" + arg + "' (see --help)"));
      flags.positional_.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2), value;
    bool inline_value = false;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      inline_value = true;
    }
    const FlagSpec* spec = nullptr;
    for (const FlagSpec& s : specs)
      if (s.name == name) spec = &s;
    if (!spec) return Err(Status::InvalidArgument("unknown option '--" + name + "' (see --help)"));
    if (spec->takes_value && !inline_value) {
      if (i + 1 >= args.size()) return Err(Status::InvalidArgument("option '--" + name + "' needs a value"));
      value = args[++i];
    } else if (!spec->takes_value && inline_value) {
      return Err(Status::InvalidArgument("option '--" + name + "' takes no value"));
    }
    flags.values_[name] = value;
    if (spec->repeatable) flags.all_[name].push_back(value);
  }
  return flags;
}

std::vector<std::string> Flags::GetAll(const std::string& name) const {
  auto it = all_.find(name);
  return it == all_.end() ? std::vector<std::string>() : it->second;
}

Result<std::map<std::string, std::string>> Flags::GetPairs(const std::string& name) const {
  std::map<std::string, std::string> pairs;
  for (const std::string& value : GetAll(name)) {
    size_t eq = value.find('=');
    if (eq == 0 || eq == std::string::npos)
      return Err(Status::InvalidArgument("--" + name + " '" + value + "': want NAME=VALUE"));
    pairs[value.substr(0, eq)] = value.substr(eq + 1);
  }
  return pairs;
}

std::string Flags::Get(const std::string& name, const std::string& def) const {
  auto it = values_.find(name);
  return it == values_.end() ? def : it->second;
}

Result<long> Flags::GetInt(const std::string& name, long def, long min, long max) const {
  auto it = values_.find(name);
  if (it == values_.end()) return def;
  char* end = nullptr;
  long v = std::strtol(it->second.c_str(), &end, 10);
  if (it->second.empty() || *end != '\0' || v < min || v > max)
    return Err(Status::InvalidArgument("option '--" + name + "' takes a whole number from " + std::to_string(min) +
                                       " to " + std::to_string(max) + ", not '" + it->second + "'"));
  return v;
}

bool WantsHelp(const std::vector<std::string>& args) {
  for (const std::string& a : args) {
    if (a == "--") return false;
    if (a == "-h" || a == "--help") return true;
  }
  return false;
}

}  // namespace facteur
