// Reads a pipeline file into a Pipeline: the import settings, then each stage
// built by its registered factory from its own settings section.
#include <algorithm>

#include "core/files.h"
#include "core/stage_registry.h"
#include "facteur/pipeline.h"

namespace facteur {
namespace {

Status ReadImportOptions(const Settings& s, ImportOptions& out) {
  for (const auto& key : s.Keys()) {
    static const char* kKnown[] = {"max_pixels", "fallback_dpi", "normalise_fax", "min_text_layer_chars",
                                   "pdf_password"};
    if (std::none_of(std::begin(kKnown), std::end(kKnown), [&](const char* k) { return key == k; }))
      return s.Error("import: unknown setting '" + key + "'");
  }
  auto max_pixels = s.Int("max_pixels", out.max_pixels);
  auto dpi = s.Double("fallback_dpi", out.fallback_dpi);
  auto fax = s.Bool("normalise_fax", out.normalise_fax);
  auto chars = s.Int("min_text_layer_chars", out.min_text_layer_chars);
  auto password = s.String("pdf_password", out.pdf_password);
  for (const Status* st : {max_pixels ? nullptr : &max_pixels.error(), dpi ? nullptr : &dpi.error(),
                           fax ? nullptr : &fax.error(), chars ? nullptr : &chars.error(),
                           password ? nullptr : &password.error()})
    if (st) return *st;
  if (*max_pixels <= 0) return s.Error("import: max_pixels must be positive");
  if (*dpi < 10 || *dpi > 4800) return s.Error("import: fallback_dpi must be between 10 and 4800");
  out.max_pixels = *max_pixels;
  out.fallback_dpi = *dpi;
  out.normalise_fax = *fax;
  out.min_text_layer_chars = static_cast<int>(*chars);
  out.pdf_password = *password;
  return Status::OK();
}

std::string KnownStages() {
  std::string out = "import";
  for (const auto& [name, summary] : BuiltinStages().List()) out += ", " + name;
  return out;
}

}  // namespace

Result<Pipeline> ParsePipeline(const std::string& yaml, const std::string& origin) {
  auto root = Settings::Parse(yaml, origin);
  if (!root) return Err(root.error());
  if (!root->IsMap()) return Err(root->Error("a pipeline file is a map with name, version and stages"));
  Pipeline p;
  p.path = origin;
  auto name = root->String("name", "");
  if (!name) return Err(name.error());
  auto version = root->String("version", "1");
  if (!version) return Err(version.error());
  p.name = *name;
  p.version = *version;
  if (p.name.empty()) return Err(root->Error("missing 'name'"));
  auto stages = root->Items("stages");
  if (!stages) return Err(stages.error());
  if (stages->empty()) return Err(root->Error("no stages: list them under 'stages:'"));

  bool pages_seen = false, pages_closed = false;
  for (const Settings& item : *stages) {
    std::vector<std::string> keys = item.Keys();
    if (keys.size() != 1)
      return Err(item.Error("each stage is a one-key map, e.g. '- ocr.tesseract: {languages: fra}'"));
    const std::string& stage_name = keys[0];
    auto section = item.Child(stage_name);
    if (!section) return Err(section.error());
    if (stage_name == "import") {
      if (Status st = ReadImportOptions(*section, p.import); !st.ok()) return Err(st);
      continue;
    }
    const StageFactory* factory = BuiltinStages().Find(stage_name);
    if (!factory)
      return Err(item.Error("unknown stage '" + stage_name + "' (known: " + KnownStages() + ")"));
    auto stage = (*factory)(*section);
    if (!stage) return Err(stage.error());
    Stage* raw = stage->release();
    if (auto* page_stage = dynamic_cast<PageStage*>(raw)) {
      if (pages_closed)
        return Err(item.Error("page stage '" + stage_name + "' must stand with the other page stages"));
      pages_seen = true;
      p.page_stages.emplace_back(page_stage);
    } else if (auto* doc_stage = dynamic_cast<DocumentStage*>(raw)) {
      if (pages_seen) pages_closed = true;
      (pages_seen ? p.after_pages : p.before_pages).emplace_back(doc_stage);
    } else {
      delete raw;
      return Err(item.Error("stage '" + stage_name + "' is neither a page nor a document stage"));
    }
  }
  return p;
}

Result<Pipeline> LoadPipeline(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return Err(text.error());
  return ParsePipeline(*text, path);
}

}  // namespace facteur
