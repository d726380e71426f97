// Classifier: decides what a document is (termination, complaint, ...) with a
// confidence and a readable reason. Rules (keywords/regexes from the pipeline
// file) and trained models are separate implementations; a chain joins them.
// "No match beats a bad match": below the threshold a document goes to review.
//
// Thread safety: Classify is const and may be called from several threads.
#ifndef FACTEUR_CLASSIFIER_H_
#define FACTEUR_CLASSIFIER_H_

#include "facteur/document.h"
#include "facteur/status.h"

namespace facteur {

class Classifier {
 public:
  virtual ~Classifier() = default;
  // Uses the document's text (Document::Text()) and source. Returns a label
  // ("other" when nothing fits), a confidence in 0..1, the reason and up to 3
  // candidates, best first.
  virtual Result<Classification> Classify(const Document& doc) const = 0;
};

}  // namespace facteur

#endif  // FACTEUR_CLASSIFIER_H_
