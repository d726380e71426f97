// SHA-256 of files and strings, lower-case hex (Poco's SHA2Engine).
#ifndef FACTEUR_CORE_HASH_H_
#define FACTEUR_CORE_HASH_H_

#include <string>

#include "facteur/status.h"

namespace facteur {

// Streams the file; errors name it: "scan.tif: cannot open: No such file".
Result<std::string> Sha256File(const std::string& path);
std::string Sha256Hex(const std::string& bytes);
// HMAC-SHA256 of `data` with `key`, lower-case hex (webhook signatures).
std::string HmacSha256Hex(const std::string& key, const std::string& data);
// PBKDF2-HMAC-SHA256 of `password`, 32 raw bytes (as Python's
// hashlib.pbkdf2_hmac("sha256", ...)): password hashes of `facteur serve`.
std::string Pbkdf2Sha256(const std::string& password, const std::string& salt, unsigned iterations);

}  // namespace facteur

#endif  // FACTEUR_CORE_HASH_H_
