// Content-addressed storage of originals, and durable file moves.
//
// Layout: ROOT/ab/abcdef... where abcdef... is the file's SHA-256 (lower-case
// hex) and ab its first two characters. An object is written once, verified,
// made read-only (0444) and never modified afterwards.
//
// Durability: the bytes are fsync'ed before the rename that publishes them,
// and the folder is fsync'ed after, so a crash leaves either no object or the
// whole, verified one (plus at most a stray ".tmp-*" file).
//
// Thread safety: an ObjectStore holds only its root; several processes may
// keep the same object at once (each renames its own verified temp file).
#ifndef FACTEUR_STORE_OBJECT_STORE_H_
#define FACTEUR_STORE_OBJECT_STORE_H_

#include <string>

#include "facteur/status.h"

namespace facteur::store {

class ObjectStore {
 public:
  explicit ObjectStore(std::string root) : root_(std::move(root)) {}

  // Where the object named sha256 lives (whether or not it exists).
  std::string PathFor(const std::string& sha256) const;

  // Whether the object named sha256 is stored.
  bool Contains(const std::string& sha256) const;

  // Copies `path` into the store under `sha256`, unless already there; returns
  // the object's path. Errors: kInvalidArgument (sha256 is not 64 lower-case
  // hex digits), kCorrupt (the copy does not hash to sha256), kIOError naming
  // the path and the system's reason (missing source, disk full...).
  Result<std::string> Keep(const std::string& path, const std::string& sha256) const;

 private:
  std::string root_;
};

// mkdir -p; new folders are fsync'ed into their parents.
Status MakeDirs(const std::string& dir);

// fsync a folder so renames and creations in it survive a crash.
Status SyncDir(const std::string& dir);

// Moves `from` to `to` (replacing it): rename(2) when both are on one file
// system, else copy + fsync + rename + unlink. The destination folder is
// fsync'ed. Errors: kNotFound if `from` does not exist, else kIOError.
Status MoveFile(const std::string& from, const std::string& to);

}  // namespace facteur::store

#endif  // FACTEUR_STORE_OBJECT_STORE_H_
