// Exit codes of every facteur subcommand, and the one mapping from Status.
// Documented in `facteur --help` and the README; scripts rely on them.
#ifndef FACTEUR_CORE_EXIT_CODE_H_
#define FACTEUR_CORE_EXIT_CODE_H_

#include "facteur/status.h"

namespace facteur {

enum class ExitCode : int {
  kOk = 0,               // everything done (documents in review or duplicates included)
  kInternal = 1,         // a bug: an unexpected exception reached main()
  kUsage = 2,            // bad flags, bad pipeline file, bad search query
  kSomeFailed = 3,       // the run completed but some documents failed (see their errors)
  kNotFound = 4,         // no such document or file
  kRunFailed = 5,        // the run could not go on: store unwritable, I/O error, no OCR engine
};

inline ExitCode ExitCodeFor(const Status& s) {
  switch (s.code()) {
    case Status::Code::kOk: return ExitCode::kOk;
    case Status::Code::kInvalidArgument: return ExitCode::kUsage;
    case Status::Code::kNotFound: return ExitCode::kNotFound;
    default: return ExitCode::kRunFailed;
  }
}

}  // namespace facteur

#endif  // FACTEUR_CORE_EXIT_CODE_H_
