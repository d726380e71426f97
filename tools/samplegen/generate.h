// GenerateSample: one letter from spec to files: the image (PNG, JPEG,
// TIFF or PDF), NAME.txt (ground-truth text, pages separated by form feeds)
// and NAME.json (class, language, pages, degradations, fields).
#ifndef FACTEUR_TOOLS_SAMPLEGEN_GENERATE_H_
#define FACTEUR_TOOLS_SAMPLEGEN_GENERATE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "facteur/status.h"
#include "samplegen/rng.h"

namespace facteur::samplegen {

// One degradation step, applied in order: "skew", "noise" (sigma; white
// point 230), "salt" (fraction), "blur" (sigma), "jpeg" (quality), "paper"
// (gray level), "paper_colour" (0 cream, 1 recycled grey-green, 2 pale blue),
// "border" (mm), "holes" (count), "rotate" (90/180/270), "lighting"
// (strength), "fax" (vertical dpi: 98 or 196), "bilevel" (unused param).
struct Step {
  std::string name;
  double param = 0;
};

enum class OutputFormat { kPng, kJpeg, kTiffG3, kTiffG4, kTiffLzw, kTiffJpeg, kPdf };

struct SampleSpec {
  std::string name;  // file stem, e.g. "fr-termination-scan"
  std::string letter_class = "termination";
  std::string language = "fr";
  uint64_t seed = 1;
  int min_pages = 1;
  int dpi = 200;
  std::string font = "DejaVu Serif";
  double font_size_pt = 11;
  bool fax_header = false;  // draw a fax transmit header on each page
  std::vector<Step> steps;
  OutputFormat format = OutputFormat::kPng;
  std::string split;       // "", "train" or "eval": which wordings (ComposeOptions::split)
  bool text_only = false;  // write NAME.txt and NAME.json only, no rendering (fast)
  // When set, the letter's customer (id, name, postcode, contract) is
  // appended to this CSV, a customer directory for `facteur eval --customers`.
  std::string customers_csv;
};

// A spec for --variant clean|scan|fax|pdf|photo|g4 with random choices
// (font, size, steps, format) drawn from `rng`.
// Errors: InvalidArgument for an unknown variant.
Result<SampleSpec> RandomSpec(const std::string& variant, const std::string& letter_class,
                              const std::string& language, Rng& rng);

// Writes the sample into `out_dir` (which must exist). Returns the image path.
Result<std::string> GenerateSample(const SampleSpec& spec, const std::string& out_dir);

// The repository's samples/ set, exactly (see samples/README.md).
std::vector<SampleSpec> RepositorySamples();

}  // namespace facteur::samplegen

#endif  // FACTEUR_TOOLS_SAMPLEGEN_GENERATE_H_
