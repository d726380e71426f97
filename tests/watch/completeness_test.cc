// CheckComplete on the corpus's files and on every tenth of their prefixes,
// as a slow writer leaves them.
#include "watch/completeness.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "testing/corpus.h"
#include "testing/temp_dir.h"

using facteur::CheckComplete;
using facteur::Completeness;
using namespace facteur::testing;

namespace {

using facteur::testing::Slurp;

std::string WriteBytes(const TempDir& dir, const std::string& name, const std::string& bytes) {
  std::ofstream(dir.File(name), std::ios::binary) << bytes;
  return dir.File(name);
}

}  // namespace

TEST_CASE("CheckComplete finds whole files whole and every tenth of them incomplete", "[watch]") {
  TempDir dir;
  for (const char* file : {"tiff/g4-multi.tiff", "tiff/BigTIFF.tif", "pdf/3small.pdf", "pdf/baiona_cmyk.jpg",
                           "pdf/baiona.png"}) {
    INFO(file);
    std::string bytes = Slurp(CorpusPath(file));
    REQUIRE(bytes.size() > 1000);
    CHECK(CheckComplete(WriteBytes(dir, "whole", bytes)).verdict == Completeness::kComplete);
    for (int tenth = 1; tenth < 10; ++tenth) {
      INFO("first " << tenth << "0%");
      auto report = CheckComplete(WriteBytes(dir, "part", bytes.substr(0, bytes.size() * tenth / 10)));
      CHECK(report.verdict == Completeness::kIncomplete);
      CHECK(!report.reason.empty());
    }
  }
}

TEST_CASE("CheckComplete says why a file is incomplete and leaves odd formats to the importer", "[watch]") {
  TempDir dir;
  CHECK(CheckComplete(WriteBytes(dir, "empty", "")).reason == "empty");
  CHECK(CheckComplete(WriteBytes(dir, "short", "II*")).verdict == Completeness::kIncomplete);
  CHECK(CheckComplete(WriteBytes(dir, "a.pdf", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")).reason ==
        "pdf: no %%EOF at the end yet");
  CHECK(CheckComplete(WriteBytes(dir, "b.pdf", "%PDF-1.4\nxref\nstartxref\n99999\n%%EOF\n")).reason ==
        "pdf: startxref points past the end of the file");
  CHECK(CheckComplete(WriteBytes(dir, "c.pdf", "%PDF-1.4\nxref\nstartxref\n9\n%%EOF\n")).verdict ==
        Completeness::kComplete);
  CHECK(CheckComplete(WriteBytes(dir, "d.jpg", std::string("\xFF\xD8\xFF\xE0 data \xFF\xD9\0\0", 14)))
            .verdict == Completeness::kComplete);  // NUL padding after EOI
  CHECK(CheckComplete(WriteBytes(dir, "x.pgm", "P5\n2 2\n255\n\1\2\3\4")).verdict == Completeness::kUnknown);
  CHECK(CheckComplete(WriteBytes(dir, "junk", "this is not an image at all")).verdict ==
        Completeness::kUnknown);
  CHECK(CheckComplete(dir.File("missing")).verdict == Completeness::kIncomplete);
  auto bad = CheckComplete(CorpusPath("bad/bad-offsets-lengths.tiff"));
  CHECK(bad.verdict == Completeness::kIncomplete);
  CHECK_THAT(bad.reason, Catch::Contains("past the end"));
}
