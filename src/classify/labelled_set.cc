#include "classify/labelled_set.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "core/files.h"

namespace facteur {
namespace {

namespace fs = std::filesystem;

bool IsTextFile(const fs::path& p) { return p.extension() == ".txt"; }

Status ReadSidecar(const fs::path& json, std::vector<LabelledFile>& out) {
  auto bytes = ReadFile(json.string());
  if (!bytes) return bytes.error();
  LabelledFile f;
  try {
    Poco::JSON::Parser parser;
    auto obj = parser.parse(*bytes).extract<Poco::JSON::Object::Ptr>();
    if (!obj || !obj->has("class")) return Status::OK();  // some other JSON: not a label
    f.label = obj->getValue<std::string>("class");
    const fs::path dir = json.parent_path();
    if (obj->has("file")) {
      fs::path image = dir / obj->getValue<std::string>("file");
      if (fs::exists(image) && !IsTextFile(image)) f.image = image.string();
    }
    std::string format = obj->optValue<std::string>("format", "");
    bool degraded = false;
    if (auto deg = obj->getArray("degradations"); deg && deg->size() > 0) degraded = true;
    if (f.image.empty())
      f.kind = "text";
    else if (format.find("g3") != std::string::npos || format.find("fax") != std::string::npos)
      f.kind = "fax";
    else
      f.kind = degraded || format.find("g4") != std::string::npos ? "scan" : "clean";
  } catch (const Poco::Exception& e) {
    return Status::InvalidArgument(json.string() + ": " + e.displayText());
  } catch (const std::exception& e) {
    return Status::InvalidArgument(json.string() + ": " + e.what());
  }
  fs::path text = json;
  text.replace_extension(".txt");
  if (fs::exists(text)) f.text = text.string();
  if (f.image.empty() && f.text.empty())
    return Status::InvalidArgument(json.string() + ": labelled, but neither its image nor " + text.filename().string() +
                                   " is there");
  out.push_back(std::move(f));
  return Status::OK();
}

Status ReadManifest(const fs::path& tsv, std::vector<LabelledFile>& out) {
  auto bytes = ReadFile(tsv.string());
  if (!bytes) return bytes.error();
  std::istringstream in(*bytes);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size())
      return Status::InvalidArgument(tsv.string() + ":" + std::to_string(n) + ": expected path<TAB>class");
    const fs::path path = tsv.parent_path() / line.substr(0, tab);
    if (!fs::exists(path))
      return Status::InvalidArgument(tsv.string() + ":" + std::to_string(n) + ": " + path.string() + ": no such file");
    LabelledFile f;
    f.label = line.substr(tab + 1);
    if (IsTextFile(path)) {
      f.text = path.string();
      f.kind = "text";
    } else {
      f.image = path.string();
      f.kind = "scan";
    }
    out.push_back(std::move(f));
  }
  return Status::OK();
}

}  // namespace

Result<std::vector<LabelledFile>> LoadLabelledFolders(const std::vector<std::string>& dirs) {
  std::vector<LabelledFile> out;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Err(Status::NotFound(dir + ": no such folder"));
    std::vector<fs::path> files;
    try {
      for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) files.push_back(entry.path());
    } catch (const fs::filesystem_error& e) {
      return Err(Status::IOError(dir + ": " + e.what()));
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      Status st = Status::OK();
      if (p.filename() == "manifest.tsv")
        st = ReadManifest(p, out);
      else if (p.extension() == ".json")
        st = ReadSidecar(p, out);
      if (!st.ok()) return Err(st);
    }
  }
  return out;
}

}  // namespace facteur
