// The JSON files of the intake, read and written with Poco (kept inside this
// folder's .cc):
//   NAME.json        optional sidecar a writer puts beside a file: how it
//                    arrived. Known keys (aliases in brackets):
//                      channel            "fax", "folder", "batch"
//                      batch_id [batch]   received (ISO 8601)
//                      fax_csid [csid, tsi, remote_station_id]
//                      caller_number [caller, cid]  called_number [called, did]
//                    other scalar keys are kept as they are.
//   NAME.error.json  beside a file in failed/: reason, stage, time, attempts.
//   status.json      the daemon's counters (HOME/intake/status.json).
#ifndef FACTEUR_WATCH_INTAKE_JSON_H_
#define FACTEUR_WATCH_INTAKE_JSON_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "facteur/document.h"
#include "facteur/status.h"

namespace facteur {

struct Sidecar {
  Channel channel = Channel::kFolder;
  std::map<std::string, std::string> context;  // canonical keys, as above
};

// Errors: kCorrupt "scan.tif.json: not a JSON object: ...", kInvalidArgument
// for an unknown channel.
Result<Sidecar> ParseSidecar(const std::string& text, const std::string& origin);

struct FailureReport {
  std::string file;    // the original's name in the input folder
  std::string reason;  // one line naming the file and the problem
  std::string stage;   // "import", "sidecar", "classify.rules"...
  std::string time;    // ISO 8601 UTC
  int attempts = 1;
};
std::string FailureJson(const FailureReport& report);

struct IntakeCounters {
  int64_t taken = 0;        // claimed into processing/
  int64_t done = 0;         // stored, moved to done/
  int64_t failed = 0;       // moved to failed/
  int64_t retried = 0;      // transient failures put back for a later attempt
  int64_t duplicate = 0;    // already stored, moved to done/
  int64_t queue_depth = 0;  // seen in the inputs or held in processing/, not finished
};

struct IntakeStatus {
  IntakeCounters counters;  // since the first start on this home
  std::string state;        // "running", "stopped"
  int pid = 0;
  std::string started, updated;  // ISO 8601 UTC
  std::vector<std::string> folders;
  std::string last;  // the last status line
};
std::string StatusJson(const IntakeStatus& status);
// Errors: kCorrupt naming `origin`.
Result<IntakeStatus> ParseStatusJson(const std::string& text, const std::string& origin);

}  // namespace facteur

#endif  // FACTEUR_WATCH_INTAKE_JSON_H_
