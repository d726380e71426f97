// Finds where a piece of text is printed on a page from the OCR word boxes.
#ifndef FACTEUR_EXTRACT_WORD_LOCATE_H_
#define FACTEUR_EXTRACT_WORD_LOCATE_H_

#include <string_view>
#include <vector>

#include "facteur/document.h"

namespace facteur::extract {

// The union of the boxes of the first run of consecutive words whose text,
// spaces ignored, contains `printed` (spaces ignored) and starts inside the
// run's first word. Empty Box when `printed` is not found.
Box LocateWords(const std::vector<WordBox>& words, std::string_view printed);

}  // namespace facteur::extract

#endif  // FACTEUR_EXTRACT_WORD_LOCATE_H_
