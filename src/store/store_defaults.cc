// Default bodies of the Store methods added for issue 7, so that a Store
// implementation written before them (a test fake) still compiles.
#include "facteur/store.h"

namespace facteur {
namespace {

Status NotHere(const char* what) { return Status::Unsupported(std::string("store: ") + what + " is not supported"); }

}  // namespace

Result<int64_t> Store::Count(const SearchQuery&) { return Err(NotHere("count")); }
Result<std::vector<JournalEntry>> Store::Journal(const std::string&) { return Err(NotHere("journal")); }
Result<JournalEntry> Store::JournalHead() { return Err(NotHere("journal")); }
Result<std::vector<IntegrityProblem>> Store::Verify(const std::vector<std::string>&) { return Err(NotHere("verify")); }
Status Store::SetHold(const std::string&, bool, const std::string&) { return NotHere("legal hold"); }
Result<std::vector<std::string>> Store::Purge(const std::map<std::string, int>&, const std::string&, bool) {
  return Err(NotHere("purge"));
}

}  // namespace facteur
