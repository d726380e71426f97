#include "serve/access.h"

#include <fstream>
#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/RandomStream.h>

#include "core/hash.h"

namespace facteur::serve {
namespace {

std::string Hex(const std::string& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

bool Unhex(const std::string& hex, std::string& out) {
  if (hex.size() % 2 != 0 || hex.empty()) return false;
  out.clear();
  for (size_t i = 0; i < hex.size(); i += 2) {
    int v = 0;
    for (size_t k = i; k < i + 2; ++k) {
      char c = hex[k];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      v = v * 16 + d;
    }
    out += static_cast<char>(v);
  }
  return true;
}

// Same time whatever the position of the first difference.
bool SameBytes(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::vector<std::string> SplitDollar(const std::string& s) {
  std::vector<std::string> parts;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, '$');) parts.push_back(part);
  return parts;
}

std::string Base64Decode(const std::string& text) {
  try {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    return std::string(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
  } catch (const std::exception&) {
    return "";  // malformed Basic credentials are refused like wrong ones
  }
}

}  // namespace

std::string HashPassword(const std::string& password, int iterations) {
  char salt[16];
  Poco::RandomInputStream random;
  random.read(salt, sizeof salt);
  std::string s(salt, sizeof salt);
  return "pbkdf2-sha256$" + std::to_string(iterations) + "$" + Hex(s) + "$" +
         Hex(Pbkdf2Sha256(password, s, static_cast<unsigned>(iterations)));
}

bool CheckPassword(const std::string& hash, const std::string& password) {
  std::vector<std::string> parts = SplitDollar(hash);
  std::string salt, key;
  if (parts.size() == 4 && parts[0] == "pbkdf2-sha256") {
    long iterations = 0;
    try {
      iterations = std::stol(parts[1]);
    } catch (const std::exception&) {
      return false;
    }
    if (iterations < 1 || iterations > 10'000'000 || !Unhex(parts[2], salt) || !Unhex(parts[3], key)) return false;
    return SameBytes(Pbkdf2Sha256(password, salt, static_cast<unsigned>(iterations)), key);
  }
  if (parts.size() == 3 && parts[0] == "sha256") {
    if (!Unhex(parts[1], salt) || parts[2].size() != 64) return false;
    return SameBytes(Sha256Hex(salt + password), parts[2]);
  }
  return false;
}

Result<Access> Access::Load(const std::string& token, const std::string& users_file) {
  Access access;
  access.token_ = token;
  if (users_file.empty()) return access;
  std::ifstream in(users_file);
  if (!in) return Err(Status::NotFound(users_file + ": cannot read the users file"));
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    size_t colon = line.find(':');
    std::string where = users_file + ":" + std::to_string(line_no) + ": ";
    if (colon == 0 || colon == std::string::npos) return Err(Status::InvalidArgument(where + "want user:HASH"));
    std::string hash = line.substr(colon + 1);
    std::vector<std::string> parts = SplitDollar(hash);
    bool known = (parts.size() == 4 && parts[0] == "pbkdf2-sha256") || (parts.size() == 3 && parts[0] == "sha256");
    if (!known) {
      return Err(Status::InvalidArgument(where + "the hash is neither pbkdf2-sha256$ITER$SALT$KEY nor sha256$SALT$HEX"));
    }
    access.users_[line.substr(0, colon)] = hash;
  }
  if (access.users_.empty()) return Err(Status::InvalidArgument(users_file + ": no users"));
  return access;
}

bool Access::CheckUser(const std::string& user, const std::string& password) const {
  auto it = users_.find(user);
  if (it == users_.end()) return false;
  std::string memo = Sha256Hex(user + "\n" + password + "\n" + it->second);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (verified_.count(memo)) return true;
  }
  if (!CheckPassword(it->second, password)) return false;
  std::lock_guard<std::mutex> lock(mu_);
  if (verified_.size() > 1000) verified_.clear();  // bounded: a few users, few passwords
  verified_.insert(memo);
  return true;
}

bool Access::Allows(const std::string& authorization, std::string& who) const {
  who = "anonymous";
  if (!Required()) return true;
  if (authorization.rfind("Bearer ", 0) == 0) {
    if (token_.empty() || !SameBytes(authorization.substr(7), token_)) return false;
    who = "token";
    return true;
  }
  if (authorization.rfind("Basic ", 0) != 0) return false;
  std::string pair = Base64Decode(authorization.substr(6));
  size_t colon = pair.find(':');
  if (colon == std::string::npos) return false;
  std::string user = pair.substr(0, colon), password = pair.substr(colon + 1);
  if (CheckUser(user, password)) {
    who = user;
    return true;
  }
  if (!token_.empty() && SameBytes(password, token_)) {
    who = "token";
    return true;
  }
  return false;
}

}  // namespace facteur::serve
