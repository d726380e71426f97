// Small file-system helpers shared by the core and the CLI. Errors name the
// path and say what the system said.
#ifndef FACTEUR_CORE_FILES_H_
#define FACTEUR_CORE_FILES_H_

#include <string>
#include <vector>

#include "facteur/status.h"

namespace facteur {

Result<std::string> ReadFile(const std::string& path);
// mkdir -p.
Status MakeDirs(const std::string& path);
// rm -r; missing is fine.
Status RemoveTree(const std::string& path);
// The regular files named by `inputs`: files as given, folders walked
// recursively in name order. In folders, hidden files and folders are skipped,
// and so are sidecar files that are never scans (ground truth, metadata:
// .txt .json .xml .md .csv .yaml .yml .uzn .log), which are counted in
// `skipped`. Symlinks to files are followed. A path that does not exist is
// returned in `missing`.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs, std::vector<std::string>* missing,
                                      int* skipped = nullptr);

}  // namespace facteur

#endif  // FACTEUR_CORE_FILES_H_
