// FolderWatcher: inotify on the watched input folders, plus a wake-up pipe
// for shutdown. inotify only speeds things up: network file systems send no
// events (paperless-ngx #1975, #13146), so the daemon also rescans every
// folder periodically, and when the kernel reports a queue overflow.
//
// Thread safety: Wait() from the daemon's thread; Wake() from any thread or
// a signal handler (it only write()s to a pipe).
#ifndef FACTEUR_WATCH_FOLDER_WATCHER_H_
#define FACTEUR_WATCH_FOLDER_WATCHER_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "facteur/status.h"

namespace facteur {

class FolderWatcher {
 public:
  // Watches `dirs` (not recursively). If inotify is unavailable (limits,
  // file system) the watcher still works and `inotify_error()` says why:
  // the daemon then relies on rescans alone.
  static Result<std::unique_ptr<FolderWatcher>> Open(const std::vector<std::string>& dirs);
  ~FolderWatcher();

  struct Event {
    size_t folder;     // index into the `dirs` given to Open
    std::string path;  // folder + "/" + name
  };
  // Waits up to `timeout_ms` (-1: no limit) for events or a Wake(). Returns
  // the paths events named (created, written, closed, moved in, attributes
  // changed), duplicates removed. Sets *overflow when events were lost or a
  // watched folder went away: rescan everything.
  std::vector<Event> Wait(int timeout_ms, bool* overflow);
  void Wake();
  const std::string& inotify_error() const { return inotify_error_; }

 private:
  FolderWatcher() = default;
  int inotify_fd_ = -1;
  int wake_read_ = -1, wake_write_ = -1;
  std::map<int, std::pair<size_t, std::string>> dirs_;  // watch descriptor -> (index, folder)
  std::string inotify_error_;
};

}  // namespace facteur

#endif  // FACTEUR_WATCH_FOLDER_WATCHER_H_
