// OpenImport(): the importer registry. Every importer scores the file's first
// bytes (paperless's ParserRegistry idea); the best score wins. Only raw G3,
// which has no magic number, looks at the extension, with a low score.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "facteur/importer.h"
#include "import/g3_importer.h"
#include "import/image_importer.h"
#include "import/pdf_importer.h"
#include "import/tiff_importer.h"

namespace facteur {
namespace {

std::vector<std::unique_ptr<Importer>> AllImporters() {
  std::vector<std::unique_ptr<Importer>> all;
  all.push_back(NewTiffImporter());
  all.push_back(NewPdfImporter());
  all.push_back(NewImageImporter());
  all.push_back(NewG3Importer());
  return all;
}

}  // namespace

Result<std::unique_ptr<PageSource>> OpenImport(const std::string& path,
                                               const ImportOptions& options) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Err(Status::NotFound(path + ": no such file"));
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Err(Status::InvalidArgument(path + ": not a regular file"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Err(Status::IOError(path + ": cannot open for reading"));
  uint8_t head[64];
  in.read(reinterpret_cast<char*>(head), sizeof head);
  const auto got = static_cast<size_t>(in.gcount());
  const std::span<const uint8_t> bytes(head, got);

  const auto importers = AllImporters();
  const Importer* best = nullptr;
  int best_score = 0;
  for (const auto& importer : importers) {
    const int score = importer->Score(path, bytes);
    if (score > best_score) {
      best_score = score;
      best = importer.get();
    }
  }
  if (best == nullptr) {
    return Err(Status::Unsupported(path + ": not a TIFF, PDF or image file"));
  }
  auto source = best->Open(path, options);
  if (!source) return Err(source.error().WithContext(path));
  return source;
}

}  // namespace facteur
