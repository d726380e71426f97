// facteur cleanup through the real binary: images written, steps reported,
// bad files named, and the rest of the files still done.
#include <catch2/catch.hpp>

#include <filesystem>

#include "testing/cli.h"
#include "testing/corpus.h"

using namespace facteur::testing;
namespace fs = std::filesystem;

namespace {

// Deskew and binarize only: no Tesseract needed.
const char kPipeline[] = R"(name: cleanup-test
version: 1
stages:
  - import: {}
  - cleanup.deskew: {}
  - cleanup.binarize: {}
)";

}  // namespace

TEST_CASE("facteur cleanup writes the display page and the bilevel OCR copy with each step's time", "[cli][cleanup]") {
  TempDir dir;
  std::string pipeline = dir.Write("p.yaml", kPipeline);
  std::string out = dir / "out";
  CliResult r = RunFacteur({"cleanup", "--pipeline", pipeline, "--format", "pnm", "--json", "--out", out,
                            CorpusPath("cleanup/source_images/imgsrc001.png")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> lines = Lines(r.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find("\"stage\":\"cleanup.deskew\"") != std::string::npos);
  CHECK(lines[0].find("\"stage\":\"cleanup.binarize\"") != std::string::npos);
  CHECK(lines[0].find("deskew") != std::string::npos);  // the step's note: the angle it found
  // The scan is bilevel already, so both are 1-bit P4 files: a short header,
  // then 310 bytes for each of the 3507 rows.
  for (const char* name : {"/imgsrc001-p1.pbm", "/imgsrc001-p1.ocr.pbm"}) {
    REQUIRE(fs::exists(out + name));
    CHECK(fs::file_size(out + name) >= 310u * 3507u);
    CHECK(fs::file_size(out + name) < 310u * 3507u + 128u);
  }
}

TEST_CASE("facteur cleanup names a file it cannot read and goes on with the others", "[cli][cleanup]") {
  TempDir dir;
  std::string pipeline = dir.Write("p.yaml", kPipeline);
  std::string bad = dir.Write("broken.png", "\x89PNG\r\n\x1a\nnot really");
  CliResult r = RunFacteur({"cleanup", "--pipeline", pipeline, "--out", dir / "out", bad,
                            CorpusPath("ocr-truth/phototest.tif")});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("broken.png") != std::string::npos);
  CHECK(fs::exists(dir / "out/phototest-p1.png"));
}

TEST_CASE("facteur cleanup refuses an unknown image format", "[cli][cleanup]") {
  CliResult r = RunFacteur({"cleanup", "--format", "gif", CorpusPath("ocr-truth/phototest.tif")});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--format") != std::string::npos);
}
