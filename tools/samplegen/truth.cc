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

namespace facteur::samplegen {
namespace {

std::string Truth(const Letter& letter, const std::string& key) {
  for (const auto& [k, v] : letter.fields)
    if (k == key) return v;
  return "";
}

// The postcode in a one-line address: the 5-digit French code, else the
// last two words of a UK address ("London SW4 7JU" -> "SW4 7JU").
std::string Postcode(const std::string& address) {
  for (size_t i = 0; i + 5 <= address.size(); ++i) {
    bool digits = (i == 0 || address[i - 1] == ' ') && (i + 5 == address.size() || address[i + 5] == ' ');
    for (size_t j = i; j < i + 5 && digits; ++j) digits = address[j] >= '0' && address[j] <= '9';
    if (digits) return address.substr(i, 5);
  }
  const size_t last = address.rfind(' ');
  if (last == std::string::npos || last == 0) return "";
  const size_t before = address.rfind(' ', last - 1);
  return before == std::string::npos ? "" : address.substr(before + 1);
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

Status AppendCustomerRow(const std::string& path, const Letter& letter) {
  const std::string id = Truth(letter, "customer_id");
  if (id.empty()) return Status::OK();
  const bool invoice = letter.letter_class == "invoice";
  const std::string name = Truth(letter, invoice ? "recipient" : "sender_name");
  const std::string postcode = invoice ? "" : Postcode(Truth(letter, "sender_address"));
  // Random ids may repeat across letters: the directory keeps the first
  // (the CSV import refuses an id given twice).
  std::ifstream probe(path, std::ios::binary);
  bool fresh = true;
  for (std::string line; std::getline(probe, line); fresh = false)
    if (line.compare(0, id.size() + 1, id + ",") == 0) return Status::OK();
  std::ofstream f(path, std::ios::binary | std::ios::app);
  if (fresh) f << "id,name,postcode,contracts\n";
  f << CsvField(id) << "," << CsvField(name) << "," << CsvField(postcode) << ","
    << CsvField(Truth(letter, "contract_id")) << "\n";
  f.close();
  if (!f) return Status::IOError(path + ": cannot append");
  return Status::OK();
}

}  // namespace facteur::samplegen
