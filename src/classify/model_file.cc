// The model file: versioned text, one fact per line, so a model can be read
// and diffed. Layout (format version 1):
//
//   facteur-text-model 1
//   # comment lines
//   algorithm logistic
//   classes 9 address_change bank_details ...
//   temperature 0.8321
//   max_confidence 0.9992
//   metric train_texts 2400            (any number of metric lines)
//   bias <one number per class>
//   vocabulary 20000
//   <feature>\t<one weight per class, space-separated>   (that many lines)
//   checksum <FNV-1a 64 of every byte before this line, hex>
//
// Versions: 1 = first format (issue 4).
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sstream>

#include "classify/text_model.h"
#include "core/files.h"

namespace facteur {
namespace {

constexpr char kFormatName[] = "facteur-text-model";
constexpr int kFormatVersion = 1;

uint64_t Fnv1a(const char* data, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(data[i])) * 1099511628211ULL;
  return h;
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

Status WriteAtomically(const std::string& path, const std::string& bytes) {
  const std::string tmp = path + ".tmp" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return Status::IOError(tmp + ": " + std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status st = Status::IOError(tmp + ": write: " + std::strerror(errno));
      ::close(fd);
      ::unlink(tmp.c_str());
      return st;
    }
    done += n;
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return Status::IOError(tmp + ": fsync: " + std::strerror(errno));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    Status st = Status::IOError(path + ": rename: " + std::strerror(errno));
    ::unlink(tmp.c_str());
    return st;
  }
  // Make the rename itself durable.
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
  if (int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
  return Status::OK();
}

}  // namespace

Status SaveTextModel(const TextModel& m, const std::string& path) {
  const size_t k = m.classes.size();
  if (k == 0 || m.bias.size() != k || m.weights.size() != m.vocabulary.size() * k)
    return Status::InvalidArgument(path + ": model is inconsistent (classes, bias and weights differ in size)");
  std::string out;
  out.reserve(m.vocabulary.size() * (16 + 8 * k));
  out += std::string(kFormatName) + " " + std::to_string(kFormatVersion) + "\n";
  out += "# facteur trained text classifier (src/classify/text_model.h); written by `facteur train`.\n";
  out += "algorithm " + m.algorithm + "\n";
  out += "classes " + std::to_string(k);
  for (const std::string& c : m.classes) out += " " + c;
  out += "\ntemperature " + std::to_string(m.temperature) + "\n";
  out += "max_confidence " + std::to_string(m.max_confidence) + "\n";
  for (const auto& [name, value] : m.metrics) out += "metric " + name + " " + value + "\n";
  out += "bias";
  for (float b : m.bias) out += " " + Number(b);
  out += "\nvocabulary " + std::to_string(m.vocabulary.size()) + "\n";
  for (size_t f = 0; f < m.vocabulary.size(); ++f) {
    out += m.vocabulary[f];
    for (size_t c = 0; c < k; ++c) out += (c == 0 ? "\t" : " ") + Number(m.weights[f * k + c]);
    out += "\n";
  }
  char sum[64];
  std::snprintf(sum, sizeof sum, "checksum %016llx\n", static_cast<unsigned long long>(Fnv1a(out.data(), out.size())));
  out += sum;
  return WriteAtomically(path, out);
}

Result<TextModel> LoadTextModel(const std::string& path) {
  auto bytes = ReadFile(path);
  if (!bytes) return Err(bytes.error());
  const std::string& text = *bytes;
  int line_no = 0;
  size_t pos = 0;
  std::string line;
  auto next = [&]() {
    if (pos >= text.size()) return false;
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    return true;
  };
  auto corrupt = [&](const std::string& what) {
    return Err(Status::Corrupt(path + ":" + std::to_string(line_no) + ": " + what));
  };
  if (!next()) return corrupt("empty file, not a facteur model");
  {
    std::istringstream head(line);
    std::string name;
    int version = 0;
    head >> name >> version;
    if (name != kFormatName) return corrupt("not a facteur model (expected '" + std::string(kFormatName) + " 1')");
    if (version != kFormatVersion)
      return corrupt("model format version " + std::to_string(version) + ", this facteur reads version " +
                     std::to_string(kFormatVersion) + " (retrain with `facteur train`)");
  }
  TextModel m;
  size_t vocab = 0;
  bool have_vocab = false;
  while (!have_vocab && next()) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream in(line);
    std::string key;
    in >> key;
    if (key == "algorithm") {
      in >> m.algorithm;
      if (m.algorithm != "logistic" && m.algorithm != "naive_bayes") return corrupt("unknown algorithm '" + m.algorithm + "'");
    } else if (key == "classes") {
      size_t n = 0;
      in >> n;
      m.classes.resize(n);
      for (std::string& c : m.classes) in >> c;
      if (!in || n < 2) return corrupt("bad classes line");
    } else if (key == "temperature") {
      if (!(in >> m.temperature) || m.temperature <= 0) return corrupt("bad temperature");
    } else if (key == "max_confidence") {
      if (!(in >> m.max_confidence) || m.max_confidence <= 0 || m.max_confidence > 1) return corrupt("bad max_confidence");
    } else if (key == "metric") {
      std::string name, value;
      in >> name;
      std::getline(in >> std::ws, value);
      m.metrics.push_back({name, value});
    } else if (key == "bias") {
      m.bias.resize(m.classes.size());
      for (float& b : m.bias) in >> b;
      if (!in || m.classes.empty()) return corrupt("bad bias line (or bias before classes)");
    } else if (key == "vocabulary") {
      if (!(in >> vocab)) return corrupt("bad vocabulary line");
      have_vocab = true;
    } else {
      return corrupt("unknown line '" + key + "'");
    }
  }
  if (!have_vocab || m.bias.empty() || m.algorithm.empty()) return corrupt("truncated header (no algorithm, bias or vocabulary)");
  const size_t k = m.classes.size();
  m.vocabulary.reserve(vocab);
  m.weights.reserve(vocab * k);
  for (size_t f = 0; f < vocab; ++f) {
    if (!next()) return corrupt("truncated: " + std::to_string(f) + " of " + std::to_string(vocab) + " features");
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) return corrupt("feature line without weights");
    m.vocabulary.push_back(line.substr(0, tab));
    const char* p = line.c_str() + tab + 1;
    for (size_t c = 0; c < k; ++c) {
      char* end = nullptr;
      m.weights.push_back(std::strtof(p, &end));
      if (end == p) return corrupt("feature '" + m.vocabulary.back() + "': expected " + std::to_string(k) + " weights");
      p = end;
    }
  }
  const size_t body_end = pos;
  if (!next() || line.compare(0, 9, "checksum ") != 0) return corrupt("truncated: no checksum line");
  char want[32];
  std::snprintf(want, sizeof want, "%016llx", static_cast<unsigned long long>(Fnv1a(text.data(), body_end)));
  if (line.substr(9) != want) return corrupt("checksum mismatch: the file was changed or damaged");
  m.Index();
  return m;
}

}  // namespace facteur
