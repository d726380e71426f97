// Data-driven import tests over the shared corpus's index.tsv: every valid
// fax/tiff/pdf file imports with the expected page count, every bad/ file is
// refused cleanly or recovered. Failures are collected so one run lists every
// failing file.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "facteur/importer.h"
#include "testing/corpus.h"

namespace facteur {
namespace {

struct Row {
  std::string path, kind, expectation;
};

std::vector<Row> ReadIndex() {
  std::ifstream in(testing::CorpusPath("index.tsv"));
  std::vector<Row> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    if (cols.size() >= 5) rows.push_back({cols[0], cols[3], cols[4]});
  }
  return rows;
}

// N from "... pages=N ...", or -1.
int ExpectedPages(const std::string& expectation) {
  const size_t at = expectation.find("pages=");
  return at == std::string::npos ? -1 : std::stoi(expectation.substr(at + 6));
}

// Files a clean error is accepted for (and, for the first group, required:
// a blank page would be silent data loss).
const std::map<std::string, std::string>& KnownUnsupported() {
  static const std::map<std::string, std::string> known = {
      {"tiff/logluv-3c-16b.tiff", "SGI LogLuv HDR: exotic, kUnsupported allowed"},
      {"tiff/test_float64_predictor2_be_lzw.tif", "64-bit float samples: exotic"},
      {"tiff/test_float64_predictor2_le_lzw.tif", "64-bit float samples: exotic"},
      {"tiff/lab8-lzw.tif", "CIELab: exotic"},
      {"tiff/webp_lossless_rgba_alpha_fully_opaque.tif", "WebP-in-TIFF: exotic"},
      {"pdf/simple.heic", "HEIC: no decoder in the distribution"},
  };
  return known;
}

// What happened when importing a file: the first error, or the pages read.
struct Outcome {
  Status error;
  int pages = 0;
  bool all_readable = true;
};

Outcome Import(const std::string& relative, const ImportOptions& options) {
  Outcome out;
  auto source = OpenImport(testing::CorpusPath(relative), options);
  if (!source) {
    out.error = source.error();
    return out;
  }
  out.pages = (*source)->PageCount();
  for (int i = 0; i < out.pages; ++i) {
    auto page = (*source)->ReadPage(i);
    if (!page) {
      out.error = page.error();
      return out;
    }
    if (page->image.empty() || page->width != page->image.width()) out.all_readable = false;
  }
  return out;
}

// Tests keep PDF rendering modest: 150 dpi for pages without a native image
// resolution. Image-driven pages still render at their images' resolution.
ImportOptions TestOptions() {
  ImportOptions options;
  options.fallback_dpi = 150;
  return options;
}

TEST_CASE("Every valid fax, tiff and pdf file in the corpus imports with its page count",
          "[import]") {
  std::string failures;
  int checked = 0;
  for (const Row& row : ReadIndex()) {
    if (row.kind != "fax" && row.kind != "tiff" && row.kind != "pdf") continue;
    if (row.expectation.rfind("import", 0) != 0) continue;
    if (row.expectation.find("password=") != std::string::npos) continue;
    const int expected = ExpectedPages(row.expectation);
    const Outcome out = Import(row.path, TestOptions());
    ++checked;
    auto known = KnownUnsupported().find(row.path);
    if (known != KnownUnsupported().end()) {
      if (!out.error.ok() && out.error.code() != Status::Code::kUnsupported) {
        failures += row.path + ": expected success or kUnsupported (" + known->second + "), got " +
                    out.error.ToString() + "\n";
      }
      continue;
    }
    if (!out.error.ok()) {
      failures += row.path + ": " + out.error.ToString() + "\n";
    } else if (out.pages != expected || !out.all_readable) {
      failures += row.path + ": " + std::to_string(out.pages) + " pages (expected " +
                  std::to_string(expected) + ")" + (out.all_readable ? "" : ", empty page") + "\n";
    }
  }
  INFO("checked " << checked << " files");
  CHECK(checked > 150);
  CHECK(failures == "");
}

TEST_CASE("Every bad file in the corpus is refused cleanly or recovered", "[import]") {
  std::string failures;
  int checked = 0;
  for (const Row& row : ReadIndex()) {
    if (row.kind != "bad") continue;
    const int expected = ExpectedPages(row.expectation);
    const Outcome out = Import(row.path, TestOptions());
    ++checked;
    const bool failed = !out.error.ok();
    if (failed && out.error.message().empty()) {
      failures += row.path + ": failed with an empty message\n";
      continue;
    }
    if (row.expectation.rfind("import", 0) == 0) {
      if (failed || out.pages != expected || !out.all_readable) {
        failures += row.path + ": valid control did not import (" + out.error.ToString() + ")\n";
      }
    } else if (row.expectation == "reject") {
      if (!failed)
        failures +=
            row.path + ": imported " + std::to_string(out.pages) + " pages but must be rejected\n";
    } else if (!failed && expected >= 0 && (out.pages != expected || !out.all_readable)) {
      failures += row.path + ": recovered " + std::to_string(out.pages) + " pages, expected " +
                  std::to_string(expected) + "\n";
    }
  }
  INFO("checked " << checked << " files");
  CHECK(checked > 60);
  CHECK(failures == "");
}

TEST_CASE("OpenImport names the file when it is not a known format", "[import]") {
  auto source = OpenImport(testing::CorpusPath("fax/itu1.pbm") + ".missing", ImportOptions{});
  REQUIRE_FALSE(source);
  CHECK(source.error().code() == Status::Code::kNotFound);
  auto text = OpenImport(testing::CorpusPath("ocr-truth/phototest.txt"), ImportOptions{});
  REQUIRE_FALSE(text);
  CHECK(text.error().message() ==
        testing::CorpusPath("ocr-truth/phototest.txt") + ": not a TIFF, PDF or image file");
}

TEST_CASE("OpenImport picks the importer from the bytes, not the extension", "[import]") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::string fake_pdf = (dir / "facteur_import_test_really_a_tiff.pdf").string();
  const std::string fake_tif = (dir / "facteur_import_test_really_a_pdf.tif").string();
  std::filesystem::copy_file(testing::CorpusPath("fax/bitonal.tif"), fake_pdf,
                             std::filesystem::copy_options::overwrite_existing);
  std::filesystem::copy_file(testing::CorpusPath("bad/minimal.pdf"), fake_tif,
                             std::filesystem::copy_options::overwrite_existing);
  auto tiff = OpenImport(fake_pdf, {});
  auto pdf = OpenImport(fake_tif, {});
  std::filesystem::remove(fake_pdf);
  std::filesystem::remove(fake_tif);
  REQUIRE(tiff);
  CHECK((*tiff)->Format() == "tiff");
  REQUIRE(pdf);
  CHECK((*pdf)->Format() == "pdf");
  auto out_of_range = (*tiff)->ReadPage(1);
  REQUIRE_FALSE(out_of_range);
  CHECK(out_of_range.error().message() == "page 2: out of range (1 page)");
}

}  // namespace
}  // namespace facteur
