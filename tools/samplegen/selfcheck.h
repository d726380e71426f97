// RunSelfCheck: the generator checks itself (facteur-samplegen --selfcheck).
// facteur_tests links only facteur_core, so these checks live here: IBANs
// validate, templates leave no placeholder, the same seed gives the same
// letter, rendered lines are exactly the letter's text, degradations keep
// their promises, writers produce files that read back with the right
// resolution and compression, and the committed samples/ ground truth is
// what samples.cc generates. Prints one line per check; returns the number
// of failures (0 = all passed).
#ifndef FACTEUR_TOOLS_SAMPLEGEN_SELFCHECK_H_
#define FACTEUR_TOOLS_SAMPLEGEN_SELFCHECK_H_

#include <string>

namespace facteur::samplegen {

int RunSelfCheck(const std::string& temp_dir);

}  // namespace facteur::samplegen

#endif  // FACTEUR_TOOLS_SAMPLEGEN_SELFCHECK_H_
