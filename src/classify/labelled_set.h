// A labelled folder for `facteur train` and `facteur eval`: which files, of
// which class, read from
//  - NAME.json sidecars with a "class" key, as the sample generator writes
//    them beside NAME.txt (ground truth) and NAME.png/.tif/... (the image);
//  - manifest.tsv files: `path<TAB>class` per line (path relative to the
//    manifest's folder; '#' starts a comment).
#ifndef FACTEUR_CLASSIFY_LABELLED_SET_H_
#define FACTEUR_CLASSIFY_LABELLED_SET_H_

#include <string>
#include <vector>

#include "facteur/status.h"

namespace facteur {

struct LabelledFile {
  std::string image;  // the scan to run through a pipeline; "" for text only
  std::string text;   // ground-truth text file; "" when there is none
  std::string label;
  std::string kind;   // "clean", "scan", "fax" or "text" (no image): for per-kind figures
};

// Walks `dirs` recursively, in name order. Errors: NotFound for a missing
// folder; InvalidArgument naming file and line for a bad manifest or sidecar.
Result<std::vector<LabelledFile>> LoadLabelledFolders(const std::vector<std::string>& dirs);

}  // namespace facteur

#endif  // FACTEUR_CLASSIFY_LABELLED_SET_H_
