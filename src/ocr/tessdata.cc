#include "ocr/tessdata.h"

#include <tesseract/baseapi.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/hash.h"
#include "core/strings.h"

namespace facteur {
namespace {

namespace fs = std::filesystem;

// Where Debian's libtesseract5 looks when nothing else is said.
constexpr const char kDebianTessdata[] = "/usr/share/tesseract-ocr/5/tessdata";

std::string TrimSlash(std::string dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

bool ValidLanguageName(const std::string& lang) {
  if (lang.empty()) return false;
  return std::all_of(lang.begin(), lang.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

}  // namespace

std::string ResolveTessdataDir(const OcrOptions& options) {
  if (!options.tessdata_dir.empty()) return TrimSlash(options.tessdata_dir);
  std::error_code ec;
  if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix != nullptr && *prefix != '\0') {
    // Tesseract 5 reads the variable as the tessdata folder itself; older
    // setups point at its parent.
    const std::string dir = TrimSlash(prefix);
    if (fs::is_directory(dir + "/tessdata", ec)) return dir + "/tessdata";
    if (fs::is_directory(dir, ec)) return dir;
  }
  return kDebianTessdata;
}

std::map<std::string, std::string> TesseractProvenance(const OcrOptions& options) {
  std::map<std::string, std::string> out;
  out["ocr_engine"] = std::string("tesseract ") + tesseract::TessBaseAPI::Version();
  out["ocr_languages"] = options.languages;
  const std::string dir = ResolveTessdataDir(options);
  for (const std::string& lang : Split(options.languages, '+')) {
    if (!ValidLanguageName(lang)) continue;  // CheckLanguages reports it
    Result<std::string> sha = Sha256File(dir + "/" + lang + ".traineddata");
    out["ocr_model_" + lang + "_sha256"] = sha ? *sha : "missing";
  }
  return out;
}

Status CheckLanguages(const OcrOptions& options) {
  const std::string dir = ResolveTessdataDir(options);
  if (options.languages.empty()) return Status::InvalidArgument("tesseract: no language given");
  for (const std::string& lang : Split(options.languages, '+')) {
    if (!ValidLanguageName(lang)) {
      return Status::InvalidArgument("tesseract: bad language list '" + options.languages + "'");
    }
    std::error_code ec;
    if (!fs::is_regular_file(dir + "/" + lang + ".traineddata", ec)) {
      return Status::NotFound("tesseract: language '" + lang + "' is not installed (no " + lang +
                              ".traineddata in " + dir + ")");
    }
  }
  return Status::OK();
}

}  // namespace facteur
