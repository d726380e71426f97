#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/commands.h"
#include "core/hash.h"

namespace facteur {

namespace fs = std::filesystem;

std::string HomeDir(const Flags& flags) {
  if (flags.Has("home")) return flags.Get("home");
  if (const char* env = std::getenv("FACTEUR_HOME"); env && *env) return env;
  return "var";
}

Result<std::string> PipelinePath(const Flags& flags) {
  if (flags.Has("pipeline")) {
    std::string path = flags.Get("pipeline");
    if (!fs::exists(path)) {
      // "--pipeline fax" is short for pipelines/fax.yaml next to the default one.
      auto dflt = PipelinePath(Flags());
      if (dflt) {
        fs::path named = fs::path(*dflt).parent_path() / (path + ".yaml");
        if (fs::exists(named)) return named.string();
      }
      return Err(Status::NotFound(path + ": no such pipeline file"));
    }
    return path;
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  std::vector<fs::path> candidates;
  if (!ec) candidates.push_back(exe.parent_path().parent_path() / "pipelines" / "default.yaml");
  candidates.push_back(fs::path(FACTEUR_SOURCE_DIR) / "pipelines" / "default.yaml");
  for (const fs::path& p : candidates)
    if (fs::exists(p, ec)) return p.string();
  return Err(Status::NotFound("pipelines/default.yaml not found; give one with --pipeline FILE"));
}

void AddCaptureContext(const Pipeline& pipeline, RunOptions& options) {
  options.context.emplace("pipeline", pipeline.name);
  options.context.emplace("pipeline_version", pipeline.version);
  if (auto sha = Sha256File(pipeline.path)) options.context.emplace("pipeline_sha256", *sha);
  options.context.emplace("facteur_version", FACTEUR_VERSION);
  // Tool and model versions and checksums each stage declares (OCR engine
  // and traineddata, classifier model).
  auto declare = [&options](const Stage& stage) {
    for (const auto& [key, value] : stage.Provenance()) options.context.emplace(key, value);
  };
  for (const auto& stage : pipeline.before_pages) declare(*stage);
  for (const auto& stage : pipeline.page_stages) declare(*stage);
  for (const auto& stage : pipeline.after_pages) declare(*stage);
}

int ReportError(const std::string& command, const Status& status) {
  std::fprintf(stderr, "facteur %s: %s\n", command.c_str(), status.message().c_str());
  return static_cast<int>(ExitCodeFor(status));
}

bool ParseOrExit(const std::string& command, const Args& args, const std::vector<FlagSpec>& specs,
                 const char* help, Flags& flags, int& code) {
  if (WantsHelp(args)) {
    std::fputs(help, stdout);
    code = 0;
    return false;
  }
  auto parsed = Flags::Parse(args, specs);
  if (!parsed) {
    code = ReportError(command, parsed.error());
    return false;
  }
  flags = std::move(*parsed);
  return true;
}

}  // namespace facteur
