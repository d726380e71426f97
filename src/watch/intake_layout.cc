// PrepareFolders: the working folders' layout, checked before the daemon
// touches anything.
#include <filesystem>
#include <string>
#include <vector>

#include "core/files.h"
#include "watch/intake_daemon.h"
#include "watch/intake_files.h"

namespace facteur {
namespace {

namespace fs = std::filesystem;

// a == b or a under b.
bool Within(const std::string& a, const std::string& b) {
  return a == b || (a.size() > b.size() && a.compare(0, b.size(), b) == 0 && a[b.size()] == '/');
}

}  // namespace

Status PrepareFolders(const WatchOptions& options) {
  if (options.folders.empty()) return Status::InvalidArgument("no folder to watch");
  // Checked before anything is created, so a refused layout leaves no folder behind.
  std::vector<std::string> inputs, outputs;
  for (const WatchedFolder& f : options.folders) {
    std::error_code ec;
    if (!fs::is_directory(f.input, ec)) return Status::InvalidArgument(f.input + ": not a folder");
    inputs.push_back(CanonicalPath(f.input));
    for (const std::string& out : {f.processing, f.done, f.failed}) outputs.push_back(CanonicalPath(out));
  }
  for (size_t i = 0; i < inputs.size(); ++i) {
    for (const std::string& out : outputs) {
      if (Within(out, inputs[i]))
        return Status::InvalidArgument(out + " is inside the watched folder " + inputs[i] +
                                       ": its files would be taken again; put the working folders elsewhere");
      if (Within(inputs[i], out))
        return Status::InvalidArgument("the watched folder " + inputs[i] + " is inside the working folder " +
                                       out);
    }
  }
  for (const WatchedFolder& f : options.folders) {
    for (const std::string& out : {f.processing, f.done, f.failed}) {
      FACTEUR_RETURN_IF_ERROR(MakeDirs(out));
      auto same = SameFileSystem(f.input, out);
      if (!same) return same.error();
      if (!*same)
        return Status::InvalidArgument(
            f.input + " and " + out +
            " are on different file systems: claiming a file needs an atomic rename");
    }
  }
  return Status::OK();
}

}  // namespace facteur
