// Small string helpers shared by the seams.
#ifndef FACTEUR_CORE_STRINGS_H_
#define FACTEUR_CORE_STRINGS_H_

#include <string>
#include <vector>

namespace facteur {

// The parts of `s` between the `sep` characters, empty ones included:
// "fra+eng" gives {"fra", "eng"}, "fra+" {"fra", ""}, "" {""}.
std::vector<std::string> Split(const std::string& s, char sep);

}  // namespace facteur

#endif  // FACTEUR_CORE_STRINGS_H_
