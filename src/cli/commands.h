// The subcommands of the `facteur` executable (one file each) and what they
// share: where the home folder and the default pipeline are, error reporting.
#ifndef FACTEUR_CLI_COMMANDS_H_
#define FACTEUR_CLI_COMMANDS_H_

#include <string>
#include <vector>

#include "cli/flags.h"
#include "core/exit_code.h"
#include "facteur/pipeline.h"
#include "facteur/status.h"

namespace facteur {

using Args = std::vector<std::string>;

int RunCommand(const Args& args);
int SearchCommand(const Args& args);
int ShowCommand(const Args& args);
int StagesCommand(const Args& args);
int CleanupCommand(const Args& args);
int TrainCommand(const Args& args);
int EvalCommand(const Args& args);
int WatchCommand(const Args& args);
int StatusCommand(const Args& args);
int CustomersCommand(const Args& args);
int QueueCommand(const Args& args);
int ReviewCommand(const Args& args);
int VerifyCommand(const Args& args);
int CheckpointCommand(const Args& args);
int ExportCommand(const Args& args);
int HoldCommand(const Args& args);
int PurgeCommand(const Args& args);
int ServeCommand(const Args& args);

// --home, else $FACTEUR_HOME, else ./var.
std::string HomeDir(const Flags& flags);
// --pipeline, else pipelines/default.yaml beside the executable's folder
// (build/../pipelines) or in the source tree.
Result<std::string> PipelinePath(const Flags& flags);
// Adds what the digitisation ran with to every record's capture context
// (issue 7): pipeline name, version and file SHA-256, facteur's version.
void AddCaptureContext(const Pipeline& pipeline, RunOptions& options);
// Prints "facteur <command>: <message>" to stderr; returns the exit code.
int ReportError(const std::string& command, const Status& status);
// Parses flags or reports the usage error; prints help and exits 0 on --help.
// Returns nullopt-like false through `ok` when the caller must return `code`.
bool ParseOrExit(const std::string& command, const Args& args, const std::vector<FlagSpec>& specs,
                 const char* help, Flags& flags, int& code);

}  // namespace facteur

#endif  // FACTEUR_CLI_COMMANDS_H_
