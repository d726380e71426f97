#include "samplegen/truth.h"

#include <cstdio>
#include <fstream>

namespace facteur::samplegen {
namespace {

Status WriteString(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
  f.close();
  if (!f) return Status::IOError(path + ": cannot write");
  return Status::OK();
}

const char* FormatName(OutputFormat f) {
  switch (f) {
    case OutputFormat::kPng:
      return "png";
    case OutputFormat::kJpeg:
      return "jpeg";
    case OutputFormat::kTiffG3:
      return "tiff-g3";
    case OutputFormat::kTiffG4:
      return "tiff-g4";
    case OutputFormat::kTiffLzw:
      return "tiff-lzw";
    case OutputFormat::kTiffJpeg:
      return "tiff-jpeg";
    case OutputFormat::kPdf:
      return "pdf";
  }
  return "?";
}

}  // namespace

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

Status WriteTruthText(const std::string& path, const std::vector<Page>& pages) {
  std::string text;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (i > 0) text += '\f';
    for (const std::string& line : pages[i].lines) text += line + "\n";
  }
  return WriteString(path, text);
}

Status WriteTruthJson(const std::string& path, const Letter& letter, const SampleSpec& spec,
                      const std::vector<Page>& pages, const std::vector<std::string>& degradations,
                      const std::string& image_path) {
  std::string file = image_path.substr(image_path.find_last_of('/') + 1);
  char dpi[64];
  std::snprintf(dpi, sizeof dpi, "[%g, %g]", pages.empty() ? 0.0 : pages[0].dpi_x,
                pages.empty() ? 0.0 : pages[0].dpi_y);
  std::string j = "{\n";
  j += "  \"class\": " + JsonString(letter.letter_class) + ",\n";
  j += "  \"language\": " + JsonString(letter.language) + ",\n";
  j += "  \"pages\": " + std::to_string(pages.size()) + ",\n";
  j += "  \"file\": " + JsonString(file) + ",\n";
  j += "  \"format\": " + JsonString(FormatName(spec.format)) + ",\n";
  j += "  \"dpi\": " + std::string(dpi) + ",\n";
  j += "  \"font\": " + JsonString(spec.font) + ",\n";
  j += "  \"seed\": " + std::to_string(spec.seed) + ",\n";
  j += "  \"degradations\": [";
  for (size_t i = 0; i < degradations.size(); ++i) j += (i ? ", " : "") + JsonString(degradations[i]);
  j += "],\n  \"fields\": {";
  for (size_t i = 0; i < letter.fields.size(); ++i) {
    j += std::string(i ? "," : "") + "\n    " + JsonString(letter.fields[i].first) + ": " +
         JsonString(letter.fields[i].second);
  }
  j += "\n  }\n}\n";
  return WriteString(path, j);
}

}  // namespace facteur::samplegen
