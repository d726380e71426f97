#include <catch2/catch.hpp>

#include "facteur/pipeline.h"
#include "testing/corpus.h"

using facteur::ParsePipeline;

TEST_CASE("ParsePipeline reads import settings and builds stages in order", "[core]") {
  auto p = ParsePipeline(R"(name: t
version: 3
stages:
  - import: {max_pixels: 5000, fallback_dpi: 200, normalise_fax: false}
  - classify.rules:
      threshold: 0.4
      classes:
        - {name: termination, keywords: [résiliation]}
)",
                         "t.yaml");
  REQUIRE(p.has_value());
  CHECK(p->name == "t");
  CHECK(p->version == "3");
  CHECK(p->import.max_pixels == 5000);
  CHECK(p->import.fallback_dpi == 200);
  CHECK_FALSE(p->import.normalise_fax);
  REQUIRE(p->before_pages.size() == 1);
  CHECK(p->before_pages[0]->Name() == "classify.rules");
}

TEST_CASE("ParsePipeline errors name the file, the line and the problem", "[core]") {
  SECTION("unknown stage") {
    auto p = ParsePipeline("name: t\nstages:\n  - import: {}\n  - ocr.tesseract5: {}\n", "pipelines/fax.yaml");
    REQUIRE_FALSE(p.has_value());
    CHECK_THAT(p.error().message(), Catch::StartsWith("pipelines/fax.yaml:4: unknown stage 'ocr.tesseract5'"));
  }
  SECTION("unknown import setting") {
    auto p = ParsePipeline("name: t\nstages:\n  - import: {max_pixel: 4}\n", "p.yaml");
    REQUIRE_FALSE(p.has_value());
    CHECK(p.error().message() == "p.yaml:3: import: unknown setting 'max_pixel'");
  }
  SECTION("wrong type") {
    auto p = ParsePipeline("name: t\nstages:\n  - import:\n      max_pixels: lots\n", "p.yaml");
    REQUIRE_FALSE(p.has_value());
    CHECK(p.error().message() == "p.yaml:4: max_pixels: expected a whole number");
  }
  SECTION("YAML syntax") {
    auto p = ParsePipeline("name: t\nstages: [\n", "p.yaml");
    REQUIRE_FALSE(p.has_value());
    CHECK_THAT(p.error().message(), Catch::StartsWith("p.yaml:"));
  }
  SECTION("no stages") {
    auto p = ParsePipeline("name: t\n", "p.yaml");
    REQUIRE_FALSE(p.has_value());
    CHECK_THAT(p.error().message(), Catch::Contains("no stages"));
  }
  SECTION("a bad pattern in a class") {
    auto p = ParsePipeline(
        "name: t\nstages:\n  - classify.rules:\n      classes:\n        - {name: x, patterns: ['(']}\n", "p.yaml");
    REQUIRE_FALSE(p.has_value());
    CHECK_THAT(p.error().message(), Catch::StartsWith("p.yaml:5: class 'x': bad pattern '('"));
  }
}

TEST_CASE("The shipped pipelines load", "[core]") {
  for (const char* name : {"pipelines/default.yaml"}) {
    auto p = facteur::LoadPipeline(facteur::testing::SourcePath(name));
    INFO(name << ": " << (p ? "" : p.error().message()));
    CHECK(p.has_value());
  }
}
