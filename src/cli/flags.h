// Command-line flags of one subcommand: --name VALUE, --name=VALUE, --switch,
// and positional arguments ("--" ends the flags). Unknown flags are errors.
#ifndef FACTEUR_CLI_FLAGS_H_
#define FACTEUR_CLI_FLAGS_H_

#include <map>
#include <string>
#include <vector>

#include "facteur/status.h"

namespace facteur {

struct FlagSpec {
  std::string name;        // without the dashes: "home"
  bool takes_value = false;
  bool repeatable = false;  // may be given several times; GetAll has every value
};

class Flags {
 public:
  static Result<Flags> Parse(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs);

  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  std::string Get(const std::string& name, const std::string& def = "") const;
  // A whole number in [min, max]; errors name the flag.
  Result<long> GetInt(const std::string& name, long def, long min, long max) const;
  // Every value of a repeatable flag, in the order given.
  std::vector<std::string> GetAll(const std::string& name) const;
  // The NAME=VALUE values of a repeatable flag as a map (a later NAME wins).
  // Errors: kInvalidArgument naming the flag and the value without NAME=.
  Result<std::map<std::string, std::string>> GetPairs(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;            // the last value of each flag
  std::map<std::string, std::vector<std::string>> all_;  // every value of repeatable flags
  std::vector<std::string> positional_;
};

// True when args hold -h or --help (before any "--").
bool WantsHelp(const std::vector<std::string>& args);

}  // namespace facteur

#endif  // FACTEUR_CLI_FLAGS_H_
