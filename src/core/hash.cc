#include "core/hash.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

namespace facteur {

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

}  // namespace facteur
