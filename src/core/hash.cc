#include "core/hash.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/PBKDF2Engine.h>
#include <Poco/SHA2Engine.h>

namespace facteur {
namespace {

// HMACEngine wants BLOCK_SIZE and DIGEST_SIZE, which Poco 1.11's
// SHA2Engine does not declare.
class Sha256Block : public Poco::SHA2Engine {
 public:
  enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
  Sha256Block() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

}  // namespace

Result<std::string> Sha256File(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Err(Status::IOError(path + ": cannot open: " + std::strerror(errno)));
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    if (in.gcount() > 0) engine.update(buf.data(), static_cast<unsigned>(in.gcount()));
  }
  if (in.bad()) return Err(Status::IOError(path + ": read failed"));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string Sha256Hex(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes);
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string HmacSha256Hex(const std::string& key, const std::string& data) {
  Poco::HMACEngine<Sha256Block> hmac(key);
  hmac.update(data);
  return Poco::DigestEngine::digestToHex(hmac.digest());
}

std::string Pbkdf2Sha256(const std::string& password, const std::string& salt, unsigned iterations) {
  Poco::PBKDF2Engine<Poco::HMACEngine<Sha256Block>> engine(salt, iterations, 32);
  engine.update(password);
  const Poco::DigestEngine::Digest& d = engine.digest();
  return std::string(d.begin(), d.end());
}

}  // namespace facteur
