// The JSON forms of the Document parts the store keeps in TEXT columns
// (Poco::JSON inside; plain facteur types outside).
//
//   context     {"batch": "B-17", ...}                 object of strings
//   candidates  [{"label": "invoice", "confidence": 0.8}, ...]
//   fields      {"iban": {"value": "...", "confidence": 0.9, "page": 0}}
//   strings     ["accounting", ...]                    queues, page notes
//   words       [{"text": "Madame", "x": 1, "y": 2, "w": 3, "h": 4, "conf": 91.5}]
//
// Decoders return kCorrupt naming `what` when the text is not what the
// encoder writes (a hand-edited or damaged database).
#ifndef FACTEUR_STORE_JSON_CODEC_H_
#define FACTEUR_STORE_JSON_CODEC_H_

#include <map>
#include <string>
#include <vector>

#include "facteur/document.h"
#include "facteur/status.h"

namespace facteur::store {

std::string EncodeContext(const std::map<std::string, std::string>& context);
std::string EncodeCandidates(const std::vector<Candidate>& candidates);
std::string EncodeFields(const std::map<std::string, Field>& fields);
std::string EncodeStrings(const std::vector<std::string>& strings);
std::string EncodeWords(const std::vector<WordBox>& words);

Result<std::map<std::string, std::string>> DecodeContext(const std::string& json,
                                                         const std::string& what);
Result<std::vector<Candidate>> DecodeCandidates(const std::string& json, const std::string& what);
Result<std::map<std::string, Field>> DecodeFields(const std::string& json, const std::string& what);
Result<std::vector<std::string>> DecodeStrings(const std::string& json, const std::string& what);
Result<std::vector<WordBox>> DecodeWords(const std::string& json, const std::string& what);

}  // namespace facteur::store

#endif  // FACTEUR_STORE_JSON_CODEC_H_
