// Takes a labelled set through a pipeline for `facteur train` and `facteur
// eval`: images through every stage (import, OCR, ..., classify) into a
// throw-away store; text files (ground truth, or --text) through the
// pipeline's classify and extract stages only.
#ifndef FACTEUR_CLI_LABELLED_DOCS_H_
#define FACTEUR_CLI_LABELLED_DOCS_H_

#include <string>
#include <vector>

#include "classify/labelled_set.h"
#include "facteur/customers.h"
#include "facteur/document.h"
#include "facteur/pipeline.h"

namespace facteur {

struct LabelledRunOptions {
  bool use_text = false;  // classify the ground-truth .txt even when there is an image
  int jobs = 0;           // page workers for images (0 = all cores)
  bool progress = true;   // a progress line on stderr
  // Loaded into the throw-away store's customer directory first, so the
  // pipeline's match.customer stage has someone to match (eval --customers).
  std::vector<Customer> customers;
};

// One document per labelled file, in the same order. A file whose image
// fails comes back with status kFailed and its error; the run goes on.
// Errors: only run-level problems (temporary store, OCR engine missing).
Result<std::vector<Document>> ProcessLabelled(Pipeline& pipeline, const std::vector<LabelledFile>& files,
                                              const LabelledRunOptions& options);

}  // namespace facteur

#endif  // FACTEUR_CLI_LABELLED_DOCS_H_
