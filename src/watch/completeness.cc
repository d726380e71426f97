#include "watch/completeness.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string_view>
#include <vector>

namespace facteur {
namespace {

class File {
 public:
  explicit File(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    struct stat st;
    if (fd_ >= 0 && ::fstat(fd_, &st) == 0) size_ = static_cast<uint64_t>(st.st_size);
  }
  ~File() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool ok() const { return fd_ >= 0; }
  uint64_t size() const { return size_; }
  // Up to n bytes at offset (fewer at the end).
  std::string Read(uint64_t offset, size_t n) const {
    std::string out(n, '\0');
    ssize_t got = ::pread(fd_, out.data(), n, static_cast<off_t>(offset));
    out.resize(got > 0 ? static_cast<size_t>(got) : 0);
    return out;
  }

 private:
  int fd_;
  uint64_t size_ = 0;
};

CompletenessReport Whole() { return {Completeness::kComplete, ""}; }
CompletenessReport Partial(std::string reason) { return {Completeness::kIncomplete, std::move(reason)}; }
CompletenessReport Odd() { return {Completeness::kUnknown, ""}; }

// TIFF directories, walked without libtiff so a half-written file costs a few
// preads and never a decoder warning.
class TiffWalker {
 public:
  TiffWalker(const File& file, bool big_endian, bool big_tiff) : f_(file), be_(big_endian), big_(big_tiff) {}

  CompletenessReport Walk() {
    uint64_t size = f_.size();
    uint64_t offset = Num(f_.Read(big_ ? 8 : 4, big_ ? 8 : 4));
    std::set<uint64_t> seen;
    for (int ifd = 1;; ++ifd) {
      if (offset == 0) {
        if (ifd == 1) return Partial("tiff: no directory yet");
        return Whole();
      }
      if (!seen.insert(offset).second || ifd > 100000) return Odd();  // a loop: corrupt, not incomplete
      offsets_.clear();
      counts_.clear();
      size_t count_size = big_ ? 8 : 2, entry_size = big_ ? 20 : 12, next_size = big_ ? 8 : 4;
      std::string count_bytes = f_.Read(offset, count_size);
      if (offset + count_size > size || count_bytes.size() < count_size)
        return Partial("tiff: directory " + std::to_string(ifd) + " at " + std::to_string(offset) +
                       " is past the end (" + std::to_string(size) + " bytes)");
      uint64_t count = Num(count_bytes);
      if (count == 0 || count > 10000) return Odd();
      uint64_t end = offset + count_size + count * entry_size + next_size;
      if (end > size)
        return Partial("tiff: directory " + std::to_string(ifd) + " ends past the end of the file");
      std::string entries = f_.Read(offset + count_size, count * entry_size + next_size);
      for (uint64_t i = 0; i < count; ++i) {
        std::string_view e(entries.data() + i * entry_size, entry_size);
        if (CompletenessReport r = CheckEntry(e, ifd); r.verdict != Completeness::kComplete) return r;
      }
      offset = Num(entries.substr(count * entry_size, next_size));
    }
  }

 private:
  uint64_t Num(std::string_view b) const {
    uint64_t v = 0;
    for (size_t i = 0; i < b.size(); ++i) {
      auto byte = static_cast<uint8_t>(b[be_ ? i : b.size() - 1 - i]);
      v = (v << 8) | byte;
    }
    return v;
  }
  static int TypeSize(uint64_t type) {
    switch (type) {
      case 1:
      case 2:
      case 6:
      case 7:
        return 1;
      case 3:
      case 8:
        return 2;
      case 4:
      case 9:
      case 11:
      case 13:
        return 4;
      case 5:
      case 10:
      case 12:
      case 16:
      case 17:
      case 18:
        return 8;
      default:
        return 0;
    }
  }

  // The entry's out-of-line value, and for strips and tiles the data they
  // point at, must lie inside the file.
  CompletenessReport CheckEntry(std::string_view e, int ifd) {
    uint64_t tag = Num(e.substr(0, 2)), type = Num(e.substr(2, 2));
    uint64_t count = big_ ? Num(e.substr(4, 8)) : Num(e.substr(4, 4));
    std::string_view value = big_ ? e.substr(12, 8) : e.substr(8, 4);
    int ts = TypeSize(type);
    if (ts == 0 || count > (1u << 28)) return Whole();  // unknown type: libtiff will judge
    uint64_t bytes = count * static_cast<uint64_t>(ts);
    std::string values(value);
    if (bytes > value.size()) {
      uint64_t at = Num(value);
      if (at + bytes > f_.size())
        return Partial("tiff: directory " + std::to_string(ifd) + " tag " + std::to_string(tag) +
                       " is past the end of the file");
      if (tag != 273 && tag != 279 && tag != 324 && tag != 325) return Whole();
      values = f_.Read(at, static_cast<size_t>(bytes));
    }
    if (tag == 273 || tag == 324) offsets_ = Array(values, count, ts);
    if (tag == 279 || tag == 325) counts_ = Array(values, count, ts);
    if (!offsets_.empty() && offsets_.size() == counts_.size()) {
      for (size_t i = 0; i < offsets_.size(); ++i) {
        if (offsets_[i] + counts_[i] > f_.size())
          return Partial("tiff: page " + std::to_string(ifd) + " strip " + std::to_string(i + 1) +
                         " is past the end of the file");
      }
      offsets_.clear();
      counts_.clear();
    }
    return Whole();
  }
  std::vector<uint64_t> Array(const std::string& values, uint64_t count, int ts) const {
    std::vector<uint64_t> out;
    for (uint64_t i = 0; i < count && (i + 1) * ts <= values.size(); ++i)
      out.push_back(Num(std::string_view(values).substr(i * ts, ts)));
    return out;
  }

  const File& f_;
  const bool be_, big_;
  std::vector<uint64_t> offsets_, counts_;  // of the directory being read
};

CompletenessReport CheckPdf(const File& f) {
  uint64_t size = f.size();
  uint64_t from = size > 2048 ? size - 2048 : 0;
  std::string tail = f.Read(from, 2048);
  size_t eof = tail.rfind("%%EOF");
  if (eof == std::string::npos) return Partial("pdf: no %%EOF at the end yet");
  size_t sx = tail.rfind("startxref", eof);
  if (sx == std::string::npos) return Whole();
  uint64_t xref = std::strtoull(tail.c_str() + sx + 9, nullptr, 10);
  if (xref == 0 || xref >= size) return Partial("pdf: startxref points past the end of the file");
  return Whole();
}

CompletenessReport CheckJpeg(const File& f) {
  uint64_t size = f.size();
  uint64_t from = size > 4096 ? size - 4096 : 0;
  std::string tail = f.Read(from, 4096);
  while (!tail.empty() && tail.back() == '\0') tail.pop_back();  // scanner padding
  if (tail.size() >= 2 && static_cast<uint8_t>(tail[tail.size() - 2]) == 0xFF &&
      static_cast<uint8_t>(tail.back()) == 0xD9)
    return Whole();
  return Partial("jpeg: no end-of-image marker (FFD9) yet");
}

CompletenessReport CheckPng(const File& f) {
  uint64_t size = f.size();
  std::string tail = f.Read(size > 12 ? size - 12 : 0, 12);
  if (tail.size() == 12 && tail.compare(4, 4, "IEND") == 0) return Whole();
  return Partial("png: no IEND chunk at the end yet");
}

CompletenessReport CheckBmp(const File& f, const std::string& head) {
  if (head.size() < 6) return Partial("bmp: header not written yet");
  uint64_t declared = 0;
  for (int i = 5; i >= 2; --i) declared = (declared << 8) | static_cast<uint8_t>(head[i]);
  if (declared > f.size())
    return Partial("bmp: " + std::to_string(f.size()) + " of " + std::to_string(declared) + " bytes");
  return Whole();
}

}  // namespace

CompletenessReport CheckComplete(const std::string& path) {
  File f(path);
  if (!f.ok()) return Partial(std::string("cannot open: ") + std::strerror(errno));
  if (f.size() == 0) return Partial("empty");
  std::string head = f.Read(0, 1024);
  if (head.size() < 8) return Partial("too short to tell (" + std::to_string(head.size()) + " bytes)");
  auto u = [&](size_t i) { return static_cast<uint8_t>(head[i]); };
  if ((head.compare(0, 2, "II") == 0 || head.compare(0, 2, "MM") == 0)) {
    bool be = head[0] == 'M';
    int magic = be ? (u(2) << 8 | u(3)) : (u(3) << 8 | u(2));
    if (magic == 42 || magic == 43) return TiffWalker(f, be, magic == 43).Walk();
  }
  if (head.find("%PDF-") != std::string::npos) return CheckPdf(f);
  if (u(0) == 0xFF && u(1) == 0xD8 && u(2) == 0xFF) return CheckJpeg(f);
  if (head.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return CheckPng(f);
  if (head.compare(0, 2, "BM") == 0) return CheckBmp(f, head);
  return Odd();
}

}  // namespace facteur
