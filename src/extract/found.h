// Found: one extractor's answer for one field, before it becomes a
// facteur::Field (which adds the page and the word box).
#ifndef FACTEUR_EXTRACT_FOUND_H_
#define FACTEUR_EXTRACT_FOUND_H_

#include <optional>
#include <string>

namespace facteur::extract {

struct Found {
  std::string value;      // normalised: ISO date, compact IBAN, E.164 phone...
  double confidence = 0;  // 0..1; see the scale below
  std::string raw;        // the text as printed, to find its word boxes
  int line = -1;          // index in the lines the extractor was given
};

// Confidence scale shared by the extractors, so fields compare:
//   label + valid pattern + checksum           0.97-0.99
//   label + valid pattern                      0.90-0.95
//   label + value repaired (OCR confusions)    0.80-0.85
//   bare pattern in a likely place             0.60-0.75
//   bare pattern anywhere                      0.40-0.55
using MaybeFound = std::optional<Found>;

}  // namespace facteur::extract

#endif  // FACTEUR_EXTRACT_FOUND_H_
