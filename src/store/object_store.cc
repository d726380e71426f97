#include "store/object_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <vector>

#include "core/hash.h"

namespace facteur::store {
namespace {

// Disk full and quota errors may pass (an operator frees space): kBusy, so
// callers retry instead of failing the file for good.
Status Errno(std::string_view what, const std::string& path, int err) {
  std::string msg = path + ": " + std::string(what) + ": " + std::strerror(err);
  if (err == ENOSPC || err == EDQUOT) return Status::Busy(std::move(msg));
  return Status::IOError(std::move(msg));
}

// Closes the descriptor unless released; a close error after fsync is
// reported by Close() where it matters.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  bool Close() {
    int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

std::string Dirname(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

bool IsSha256(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// Copies `from` into a new temp file beside `to` and fsyncs it, applying
// `mode`; returns the temp path. On error nothing is left behind.
Result<std::string> CopyToTemp(const std::string& from, const std::string& to, mode_t mode) {
  Fd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
  if (in.get() < 0) return Err(Errno("cannot open", from, errno));
  std::string tmp = Dirname(to) + "/.tmp-XXXXXX";
  std::vector<char> tmpl(tmp.begin(), tmp.end());
  tmpl.push_back('\0');
  Fd out(::mkostemp(tmpl.data(), O_CLOEXEC));
  if (out.get() < 0) return Err(Errno("cannot create temp file", tmp, errno));
  tmp = tmpl.data();

  auto fail = [&tmp](Status s) -> Result<std::string> {
    ::unlink(tmp.c_str());
    return Err(std::move(s));
  };
  std::vector<char> buf(1 << 16);
  for (;;) {
    ssize_t n = ::read(in.get(), buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(Errno("read failed", from, errno));
    if (n == 0) break;
    for (ssize_t done = 0; done < n;) {
      ssize_t w = ::write(out.get(), buf.data() + done, static_cast<size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) return fail(Errno("write failed", tmp, errno));
      done += w;
    }
  }
  // Delayed allocation means disk full can first show up at fsync or close.
  if (::fsync(out.get()) != 0) return fail(Errno("fsync failed", tmp, errno));
  if (::fchmod(out.get(), mode) != 0) return fail(Errno("chmod failed", tmp, errno));
  if (!out.Close()) return fail(Errno("close failed", tmp, errno));
  return tmp;
}

}  // namespace

Status MakeDirs(const std::string& dir) {
  struct stat st;
  if (::stat(dir.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return Status::OK();
    return Status::IOError(dir + ": exists and is not a folder");
  }
  std::string parent = Dirname(dir);
  if (parent != dir) FACTEUR_RETURN_IF_ERROR(MakeDirs(parent));
  if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
    return Errno("cannot create folder", dir, errno);
  }
  return SyncDir(parent);
}

Status SyncDir(const std::string& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return Errno("cannot open folder", dir, errno);
  if (::fsync(fd.get()) != 0) return Errno("fsync failed", dir, errno);
  return Status::OK();
}

Status MoveFile(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) == 0) return SyncDir(Dirname(to));
  int err = errno;
  if (err == ENOENT) return Status::NotFound(from + ": cannot move: " + std::strerror(err));
  if (err != EXDEV) return Status::IOError(from + " -> " + to + ": rename failed: " + std::strerror(err));
  Result<std::string> tmp = CopyToTemp(from, to, 0644);
  if (!tmp) return tmp.error();
  if (::rename(tmp->c_str(), to.c_str()) != 0) {
    Status s = Errno("rename failed", *tmp + " -> " + to, errno);
    ::unlink(tmp->c_str());
    return s;
  }
  FACTEUR_RETURN_IF_ERROR(SyncDir(Dirname(to)));
  if (::unlink(from.c_str()) != 0) return Errno("cannot remove after copy", from, errno);
  return Status::OK();
}

std::string ObjectStore::PathFor(const std::string& sha256) const {
  return root_ + "/" + sha256.substr(0, 2) + "/" + sha256;
}

bool ObjectStore::Contains(const std::string& sha256) const {
  struct stat st;
  return IsSha256(sha256) && ::stat(PathFor(sha256).c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

Result<std::string> ObjectStore::Keep(const std::string& path, const std::string& sha256) const {
  if (!IsSha256(sha256)) {
    return Err(Status::InvalidArgument("keep original: " + path + ": '" + sha256 +
                                       "' is not a lower-case hex SHA-256"));
  }
  std::string target = PathFor(sha256);
  if (Contains(sha256)) return target;  // content-addressed: same name, same bytes
  Status made = MakeDirs(Dirname(target));
  if (!made.ok()) return Err(made.WithContext("keep original"));

  Result<std::string> tmp = CopyToTemp(path, target, 0444);
  if (!tmp) return Err(tmp.error().WithContext("keep original"));
  // Hash what was written, not what was read: catches a source that changed
  // under us as well as a wrong sha256 from the caller.
  Result<std::string> actual = Sha256File(*tmp);
  if (!actual || *actual != sha256) {
    ::unlink(tmp->c_str());
    if (!actual) return Err(actual.error().WithContext("keep original"));
    return Err(Status::Corrupt("keep original: " + path + ": content hashes to " + *actual +
                               ", expected " + sha256));
  }
  if (::rename(tmp->c_str(), target.c_str()) != 0) {
    Status s = Errno("rename failed", *tmp + " -> " + target, errno);
    ::unlink(tmp->c_str());
    return Err(s.WithContext("keep original"));
  }
  Status synced = SyncDir(Dirname(target));
  if (!synced.ok()) return Err(synced.WithContext("keep original"));
  return target;
}

}  // namespace facteur::store
