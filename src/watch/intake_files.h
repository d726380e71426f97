// File moves of the intake: which names are ours, claiming by atomic rename,
// moving a finished file and its sidecars, atomic writes, the daemon lock.
// Errors name the path and say what the system said; kBusy marks the
// transient ones (file in use, disk full) that the daemon retries.
#ifndef FACTEUR_WATCH_INTAKE_FILES_H_
#define FACTEUR_WATCH_INTAKE_FILES_H_

#include <functional>
#include <string>
#include <vector>

#include "facteur/status.h"

namespace facteur {

// Temporary and system names that are never taken: *.part, *.tmp,
// *.crdownload, ~*, dotfiles, Thumbs.db, desktop.ini, *.error.json.
// `path` absolute, with symlinks of its existing part resolved and "." and
// ".." folded, so two spellings of a folder compare equal.
std::string CanonicalPath(const std::string& path);

bool IgnoredName(const std::string& name);
// NAME.json (metadata) and NAME.done (the writer's marker) belong to NAME.
bool IsSidecarName(const std::string& name);
// "scan.tif.json" -> "scan.tif"; REQUIRES: IsSidecarName(name).
std::string SidecarOwner(const std::string& name);

// The names in `dir` (not "." and ".."), in name order.
Result<std::vector<std::string>> ListNames(const std::string& dir);

// Renames `path` into `dir` under its own name, or NAME-1.ext, NAME-2.ext...
// if taken, never replacing a file (renameat2 RENAME_NOREPLACE). Returns the
// new path. A name whose NAME.json is left from an earlier file counts as
// taken. `prepare`, if given, is called with the chosen target before the
// rename (to write NAME.error.json first); its error stops the move.
// kNotFound when the file is gone (another process took it), kBusy when the
// system says it is in use, kIOError otherwise.
Result<std::string> MoveUnique(const std::string& path, const std::string& dir,
                               const std::function<Status(const std::string&)>& prepare = nullptr);
// Moves path.json beside `new_path` (as new_path.json), if it exists.
Status MoveSidecar(const std::string& path, const std::string& new_path);

// Writes `text` to path.tmp, fsyncs, renames over `path`.
Status WriteFileAtomic(const std::string& path, const std::string& text);

// True when a and b are on the same file system (a claim must be a rename).
Result<bool> SameFileSystem(const std::string& a, const std::string& b);
// Bytes free for an unprivileged writer on the file system of `path`.
Result<int64_t> FreeBytes(const std::string& path);

// An exclusive flock on `path`, held until Release or process exit (a SIGKILL
// frees it too). kBusy when another process holds it.
class FileLock {
 public:
  FileLock() = default;
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  Status Acquire(const std::string& path);

 private:
  int fd_ = -1;
};

}  // namespace facteur

#endif  // FACTEUR_WATCH_INTAKE_FILES_H_
