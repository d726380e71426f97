// Ground truth beside each generated file: NAME.txt and NAME.json.
#ifndef FACTEUR_TOOLS_SAMPLEGEN_TRUTH_H_
#define FACTEUR_TOOLS_SAMPLEGEN_TRUTH_H_

#include <string>
#include <vector>

#include "facteur/status.h"
#include "samplegen/generate.h"
#include "samplegen/letter.h"
#include "samplegen/page.h"

namespace facteur::samplegen {

// Each page's lines, '\n'-terminated; pages separated by a form feed.
Status WriteTruthText(const std::string& path, const std::vector<Page>& pages);

// {"class", "language", "pages", "file", "format", "dpi": [x, y], "font",
//  "seed", "degradations": [...], "fields": {...}}
Status WriteTruthJson(const std::string& path, const Letter& letter, const SampleSpec& spec,
                      const std::vector<Page>& pages, const std::vector<std::string>& degradations,
                      const std::string& image_path);

// Appends the letter's customer to a directory CSV (`id,name,postcode,
// contracts`), writing the header first when the file is new or empty:
// the sender of a letter, the client of an invoice.
Status AppendCustomerRow(const std::string& path, const Letter& letter);

// JSON string literal with quotes, escaping ", \ and control characters.
std::string JsonString(const std::string& s);

}  // namespace facteur::samplegen

#endif  // FACTEUR_TOOLS_SAMPLEGEN_TRUTH_H_
