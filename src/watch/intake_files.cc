#include "watch/intake_files.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <cerrno>
#include <cstring>

namespace facteur {
namespace {

bool EndsWith(const std::string& s, const std::string& end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// "scan.tif", 2 -> "scan-2.tif"
std::string Numbered(const std::string& name, int n) {
  if (n == 0) return name;
  size_t dot = name.rfind('.');
  if (dot == 0 || dot == std::string::npos) return name + "-" + std::to_string(n);
  return name.substr(0, dot) + "-" + std::to_string(n) + name.substr(dot);
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

}  // namespace

bool IgnoredName(const std::string& name) {
  std::string l = Lower(name);
  if (l.empty() || l[0] == '.' || l[0] == '~') return true;
  for (const char* end : {".part", ".tmp", ".crdownload", ".error.json", ".partial", ".filepart"})
    if (EndsWith(l, end)) return true;
  return l == "thumbs.db" || l == "desktop.ini";
}

bool IsSidecarName(const std::string& name) {
  std::string l = Lower(name);
  return (EndsWith(l, ".json") && l.size() > 5) || (EndsWith(l, ".done") && l.size() > 5);
}

std::string SidecarOwner(const std::string& name) { return name.substr(0, name.size() - 5); }

Result<std::vector<std::string>> ListNames(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) return Err(Status::IOError(dir + ": cannot list: " + std::strerror(errno)));
  std::vector<std::string> names;
  while (struct dirent* e = ::readdir(d)) {
    std::string n = e->d_name;
    if (n != "." && n != "..") names.push_back(n);
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

Result<std::string> MoveUnique(const std::string& path, const std::string& dir,
                               const std::function<Status(const std::string&)>& prepare) {
  std::string name = BaseName(path);
  for (int n = 0; n < 100000; ++n) {
    std::string target = dir + "/" + Numbered(name, n);
    // A name whose sidecar (NAME.json) is left from an earlier file is taken too.
    if (Exists(target) || Exists(target + ".json")) continue;
    if (prepare) {
      if (Status st = prepare(target); !st.ok()) return Err(st);
    }
    if (::renameat2(AT_FDCWD, path.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) == 0) return target;
    int err = errno;
    if (err == EEXIST) continue;
    if (err == EINVAL) {  // file system without RENAME_NOREPLACE: link + unlink never replaces either
      if (::link(path.c_str(), target.c_str()) == 0) {
        ::unlink(path.c_str());
        return target;
      }
      err = errno;
      if (err == EEXIST) continue;
    }
    std::string msg = path + ": cannot move into " + dir + ": " + std::strerror(err);
    if (err == ENOENT) return Err(Status::NotFound(msg));
    if (err == EBUSY || err == ETXTBSY || err == EAGAIN || err == ENOSPC) return Err(Status::Busy(msg));
    return Err(Status::IOError(msg));
  }
  return Err(Status::IOError(path + ": no free name in " + dir));
}

Status MoveSidecar(const std::string& path, const std::string& new_path) {
  std::string from = path + ".json", to = new_path + ".json";
  if (!Exists(from)) return Status::OK();
  if (::rename(from.c_str(), to.c_str()) != 0)
    return Status::IOError(from + ": cannot move to " + to + ": " + std::strerror(errno));
  return Status::OK();
}

Status WriteFileAtomic(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError(tmp + ": cannot create: " + std::strerror(errno));
  size_t off = 0;
  while (off < text.size()) {
    ssize_t n = ::write(fd, text.data() + off, text.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      std::string msg = tmp + ": write failed: " + std::strerror(err);
      return err == ENOSPC ? Status::Busy(msg) : Status::IOError(msg);
    }
    off += static_cast<size_t>(n);
  }
  bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced || ::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string msg = path + ": cannot write: " + std::strerror(errno);
    ::unlink(tmp.c_str());
    return Status::IOError(msg);
  }
  return Status::OK();
}

Result<bool> SameFileSystem(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  if (::stat(a.c_str(), &sa) != 0) return Err(Status::IOError(a + ": " + std::strerror(errno)));
  if (::stat(b.c_str(), &sb) != 0) return Err(Status::IOError(b + ": " + std::strerror(errno)));
  return sa.st_dev == sb.st_dev;
}

Result<int64_t> FreeBytes(const std::string& path) {
  struct statvfs vs;
  if (::statvfs(path.c_str(), &vs) != 0)
    return Err(Status::IOError(path + ": statvfs: " + std::strerror(errno)));
  return static_cast<int64_t>(vs.f_bavail) * static_cast<int64_t>(vs.f_frsize);
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);  // drops the flock
}

Status FileLock::Acquire(const std::string& path) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) return Status::IOError(path + ": cannot open lock file: " + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    fd_ = -1;
    return Status::Busy(path + ": another `facteur watch` holds this home's intake lock");
  }
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) == 0) (void)!::write(fd_, pid.data(), pid.size());
  return Status::OK();
}

std::string CanonicalPath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  return p.lexically_normal().string();
}

}  // namespace facteur
