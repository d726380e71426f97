// The repository's samples/ set. Changing anything here changes the committed
// files: regenerate with `facteur-samplegen --samples --out samples` and
// update samples/README.md.
#include "samplegen/generate.h"

namespace facteur::samplegen {

std::vector<SampleSpec> RepositorySamples() {
  std::vector<SampleSpec> s;
  s.push_back({.name = "fr-termination-scan",
               .letter_class = "termination",
               .language = "fr",
               .seed = 14,
               .font = "DejaVu Serif",
               .steps = {{"paper", 246}, {"skew", 1.5}, {"blur", 0.6}, {"noise", 6}},
               .format = OutputFormat::kPng});
  s.push_back({.name = "en-complaint-clean",
               .letter_class = "complaint",
               .language = "en",
               .seed = 21,
               .font = "Liberation Serif",
               .format = OutputFormat::kPng});
  s.push_back({.name = "fr-address-change-2p",
               .letter_class = "address_change",
               .language = "fr",
               .seed = 35,
               .min_pages = 2,
               .font = "Liberation Sans",
               .font_size_pt = 12,
               .steps = {{"holes", 2}, {"skew", -0.8}, {"noise", 5}, {"border", 4}},
               .format = OutputFormat::kPdf});
  s.push_back({.name = "fr-bank-details-fax",
               .letter_class = "bank_details",
               .language = "fr",
               .seed = 42,
               .font = "DejaVu Sans Mono",
               .font_size_pt = 12,
               .fax_header = true,
               .steps = {{"skew", 0.4}, {"fax", 98}},
               .format = OutputFormat::kTiffG3});
  s.push_back({.name = "en-order-photo",
               .letter_class = "order",
               .language = "en",
               .seed = 57,
               .font = "Liberation Sans",
               .steps = {{"paper_colour", 0}, {"skew", -2.2}, {"lighting", 0.3}, {"blur", 0.9}, {"noise", 5}},
               .format = OutputFormat::kJpeg});
  s.push_back({.name = "en-invoice-g4",
               .letter_class = "invoice",
               .language = "en",
               .seed = 63,
               .dpi = 300,
               .font = "DejaVu Serif",
               .font_size_pt = 10,
               .steps = {{"skew", 0.3}, {"bilevel", 0}},
               .format = OutputFormat::kTiffG4});
  return s;
}

}  // namespace facteur::samplegen
