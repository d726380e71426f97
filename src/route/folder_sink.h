// FolderSink: delivers into a folder queue (HOME/out/<queue>/ by default):
// the searchable PDF, then a JSON sidecar (metadata_json.h) beside it.
//
// Each file is written as a hidden temp file in the same folder, fsync'ed,
// renamed into place, and the folder fsync'ed; the sidecar is renamed last.
// A consumer that waits for <name>.json therefore never reads a half PDF,
// and never sees a temp file unless it looks at hidden names. Delivering
// again rewrites the same names with the same bytes (idempotent).
#ifndef FACTEUR_ROUTE_FOLDER_SINK_H_
#define FACTEUR_ROUTE_FOLDER_SINK_H_

#include <memory>
#include <string>

#include "facteur/settings.h"
#include "facteur/sink.h"
#include "route/retry_policy.h"

namespace facteur::route {

struct FolderSinkOptions {
  std::string folder;  // created on first delivery
  // File name without extension: {id} {class} {date} (received, YYYYMMDD)
  // {queue} {priority}. A name that would leave the folder is refused.
  std::string name_template = "{date}_{class}_{id}";
  RetryPolicy retry;   // for I/O errors (disk full...)
};

std::unique_ptr<Sink> NewFolderSink(std::string name, FolderSinkOptions options);

// Reads path (relative to `home`), name and retry settings.
Result<FolderSinkOptions> FolderSinkOptionsFrom(const Settings& s, const std::string& home, const std::string& queue);

// The file name (no extension) the template gives, or kInvalidArgument.
Result<std::string> ExpandName(const std::string& name_template, const Document& doc, const Delivery& delivery);

}  // namespace facteur::route

#endif  // FACTEUR_ROUTE_FOLDER_SINK_H_
