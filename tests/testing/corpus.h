// Where tests find the shared corpus (../shared/corpus beside the checkout)
// and the repository's own samples.
#ifndef FACTEUR_TESTS_TESTING_CORPUS_H_
#define FACTEUR_TESTS_TESTING_CORPUS_H_

#include <string>

#include "core/files.h"

namespace facteur::testing {

inline std::string CorpusPath(const std::string& relative) {
  return std::string(FACTEUR_CORPUS_DIR) + "/" + relative;
}

inline std::string SourcePath(const std::string& relative) {
  return std::string(FACTEUR_SOURCE_DIR) + "/" + relative;
}

// The bytes of the file at `path`; "" when it cannot be read.
inline std::string Slurp(const std::string& path) { return facteur::ReadFile(path).value_or(""); }

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_TESTING_CORPUS_H_
