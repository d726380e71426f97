// SHA-256 of files and strings, lower-case hex (Poco's SHA2Engine).
#ifndef FACTEUR_CORE_HASH_H_
#define FACTEUR_CORE_HASH_H_

#include <string>

#include "facteur/status.h"

namespace facteur {

// Streams the file; errors name it: "scan.tif: cannot open: No such file".
Result<std::string> Sha256File(const std::string& path);
std::string Sha256Hex(const std::string& bytes);

}  // namespace facteur

#endif  // FACTEUR_CORE_HASH_H_
