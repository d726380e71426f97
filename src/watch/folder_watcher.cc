#include "watch/folder_watcher.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

namespace facteur {

Result<std::unique_ptr<FolderWatcher>> FolderWatcher::Open(const std::vector<std::string>& dirs) {
  std::unique_ptr<FolderWatcher> w(new FolderWatcher);
  int fds[2];
  if (::pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0)
    return Err(Status::IOError(std::string("cannot make the wake-up pipe: ") + std::strerror(errno)));
  w->wake_read_ = fds[0];
  w->wake_write_ = fds[1];
  w->inotify_fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (w->inotify_fd_ < 0) {
    w->inotify_error_ = std::string("inotify: ") + std::strerror(errno);
    return w;
  }
  const uint32_t mask = IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF |
                        IN_MOVE_SELF | IN_ONLYDIR;
  for (size_t i = 0; i < dirs.size(); ++i) {
    const std::string& dir = dirs[i];
    int wd = ::inotify_add_watch(w->inotify_fd_, dir.c_str(), mask);
    if (wd < 0) {
      w->inotify_error_ = dir + ": inotify: " + std::strerror(errno);
      continue;
    }
    w->dirs_[wd] = {i, dir};
  }
  return w;
}

FolderWatcher::~FolderWatcher() {
  for (int fd : {inotify_fd_, wake_read_, wake_write_})
    if (fd >= 0) ::close(fd);
}

void FolderWatcher::Wake() {
  char c = 1;
  (void)!::write(wake_write_, &c, 1);  // a full pipe already wakes
}

std::vector<FolderWatcher::Event> FolderWatcher::Wait(int timeout_ms, bool* overflow) {
  struct pollfd pfd[2] = {{wake_read_, POLLIN, 0}, {inotify_fd_, POLLIN, 0}};
  int n = ::poll(pfd, inotify_fd_ >= 0 ? 2 : 1, timeout_ms);
  std::vector<Event> out;
  if (n <= 0) return out;  // timeout, or EINTR from a signal: the caller looks at its flags
  char buf[64 * 1024] __attribute__((aligned(__alignof__(struct inotify_event))));
  while (::read(wake_read_, buf, sizeof buf) > 0) {
  }
  if (inotify_fd_ < 0) return out;
  std::set<std::string> seen;
  for (;;) {
    ssize_t len = ::read(inotify_fd_, buf, sizeof buf);
    if (len <= 0) break;
    for (char* p = buf; p < buf + len;) {
      auto* ev = reinterpret_cast<struct inotify_event*>(p);
      p += sizeof(struct inotify_event) + ev->len;
      if (ev->mask & (IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
        *overflow = true;
        continue;
      }
      auto dir = dirs_.find(ev->wd);
      if (dir == dirs_.end() || ev->len == 0) continue;
      std::string path = dir->second.second + "/" + ev->name;
      if (seen.insert(path).second) out.push_back(Event{dir->second.first, path});
    }
  }
  return out;
}

}  // namespace facteur
