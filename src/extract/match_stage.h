// The "match.customer" stage (registered by RegisterExtractStages).
//
// Settings:
//   min_score: 0.6   a match scored below it is not recorded
//   home: ""         the folder whose facteur.db holds the customer directory;
//                    "" = the run's home (RunContext::Home, from --home)
//
// Writes Document::fields["customer"]: value = the customer id, confidence =
// the match score, page and box of the evidence field; and an event saying
// how it matched. The directory is read once, on the first document.
#ifndef FACTEUR_EXTRACT_MATCH_STAGE_H_
#define FACTEUR_EXTRACT_MATCH_STAGE_H_

#include <memory>

#include "facteur/settings.h"
#include "facteur/stage.h"
#include "facteur/status.h"

namespace facteur {

Result<std::unique_ptr<Stage>> NewMatchCustomerStage(const Settings& settings);

}  // namespace facteur

#endif  // FACTEUR_EXTRACT_MATCH_STAGE_H_
