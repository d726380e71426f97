#include "route/folder_sink.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

#include "core/files.h"
#include "core/hash.h"
#include "route/metadata_json.h"

namespace facteur::route {
namespace {

Status SysError(const std::string& path, const char* what) {
  return Status::IOError(path + ": " + what + ": " + std::strerror(errno));
}

// temp in the same folder (hidden), fsync, rename, fsync the folder.
Status WriteAtomically(const std::string& folder, const std::string& name, const std::string& bytes) {
  const std::string final_path = folder + "/" + name;
  const std::string temp = folder + "/." + name + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return SysError(temp, "cannot create");
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status s = SysError(temp, "cannot write");
      ::close(fd);
      ::unlink(temp.c_str());
      return s;
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    Status s = SysError(temp, "fsync");
    ::close(fd);
    ::unlink(temp.c_str());
    return s;
  }
  ::close(fd);
  if (::rename(temp.c_str(), final_path.c_str()) != 0) {
    Status s = SysError(final_path, "cannot rename into place");
    ::unlink(temp.c_str());
    return s;
  }
  int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    (void)::fsync(dir);  // best effort: some file systems refuse fsync on folders
    ::close(dir);
  }
  return Status::OK();
}

// Removes the hidden temp files of `name` that an earlier attempt left when
// its process was killed between create and rename. The outbox lets one
// worker at a time hold a delivery, so none of them is still being written.
void RemoveStaleTemps(const std::string& folder, const std::string& name) {
  const std::string prefix = "." + name + ".tmp-";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) std::filesystem::remove(entry.path(), ec);
  }
}

std::string Safe(std::string s) {
  for (char& c : s) {
    if (c == '/' || c == '\\' || c == '\0' || c == ' ' || c == ':') c = '_';
  }
  return s;
}

class FolderSink : public Sink {
 public:
  FolderSink(std::string name, FolderSinkOptions options) : name_(std::move(name)), options_(std::move(options)) {}
  std::string_view Name() const override { return name_; }

  DeliveryOutcome Deliver(const Document& doc, const Delivery& delivery, int attempt, int64_t now_ms) override {
    auto base = ExpandName(options_.name_template, doc, delivery);
    if (!base) return {DeliveryOutcome::Kind::kDead, 0, base.error().message()};
    PdfInfo pdf;
    std::string bytes;
    if (!doc.pdf_path.empty()) {
      auto read = ReadFile(doc.pdf_path);
      // The stored PDF is gone: no retry brings it back.
      if (!read) return {DeliveryOutcome::Kind::kDead, 0, read.error().message()};
      bytes = std::move(*read);
      pdf = {.file = *base + ".pdf", .sha256 = Sha256Hex(bytes), .bytes = static_cast<int64_t>(bytes.size())};
    }
    Status s = MakeDirs(options_.folder);
    if (s.ok() && !pdf.file.empty()) s = WriteAtomically(options_.folder, pdf.file, bytes);
    if (s.ok()) s = WriteAtomically(options_.folder, *base + ".json", MetadataJson(doc, delivery, pdf) + "\n");
    if (!s.ok()) return options_.retry.Failed(attempt, now_ms, s.message());
    // A crash does not count as an attempt, so look every time (one readdir).
    if (!pdf.file.empty()) RemoveStaleTemps(options_.folder, pdf.file);
    RemoveStaleTemps(options_.folder, *base + ".json");
    return {DeliveryOutcome::Kind::kDelivered, 0, options_.folder + "/" + *base + ".json"};
  }

 private:
  const std::string name_;
  const FolderSinkOptions options_;
};

}  // namespace

Result<std::string> ExpandName(const std::string& name_template, const Document& doc, const Delivery& delivery) {
  std::string date;
  for (char c : doc.source.received.substr(0, 10)) {
    if (c != '-') date += c;
  }
  const std::pair<const char*, std::string> vars[] = {
      {"{id}", doc.id}, {"{class}", doc.classification.label.empty() ? "unclassified" : doc.classification.label},
      {"{date}", date}, {"{queue}", delivery.destination}, {"{priority}", std::to_string(delivery.priority)}};
  std::string out;
  for (size_t i = 0; i < name_template.size();) {
    bool hit = false;
    for (const auto& [key, value] : vars) {
      if (name_template.compare(i, std::strlen(key), key) == 0) {
        out += Safe(value);
        i += std::strlen(key);
        hit = true;
        break;
      }
    }
    if (!hit) out += name_template[i++];
  }
  if (out.empty() || out[0] == '.' || out.find('/') != std::string::npos) {
    return Err(Status::InvalidArgument("folder sink: file name template '" + name_template + "' gives '" + out +
                                       "' for " + doc.id));
  }
  return out;
}

Result<FolderSinkOptions> FolderSinkOptionsFrom(const Settings& s, const std::string& home, const std::string& queue) {
  FolderSinkOptions o;
  auto path = s.String("path", "out/" + queue);
  if (!path) return Err(path.error());
  o.folder = (!path->empty() && (*path)[0] == '/') ? *path : home + "/" + *path;
  auto name = s.String("name", o.name_template);
  if (!name) return Err(name.error());
  o.name_template = *name;
  auto retry = RetryPolicy::FromSettings(s);
  if (!retry) return Err(retry.error());
  o.retry = *retry;
  return o;
}

std::unique_ptr<Sink> NewFolderSink(std::string name, FolderSinkOptions options) {
  return std::make_unique<FolderSink>(std::move(name), std::move(options));
}

}  // namespace facteur::route
