// Test-only: the default pipeline (pipelines/default.yaml) with a handle on
// its classify stage, for tests that classify text as a run would.
#ifndef FACTEUR_TESTS_TESTING_DEFAULT_CLASSIFY_H_
#define FACTEUR_TESTS_TESTING_DEFAULT_CLASSIFY_H_

#include <catch2/catch.hpp>
#include <string>

#include "facteur/pipeline.h"

namespace facteur::testing {

struct DefaultClassify {
  Pipeline pipeline;
  DocumentStage* stage = nullptr;  // owned by pipeline
};

inline DefaultClassify LoadDefaultClassify() {
  auto pipeline = LoadPipeline(std::string(FACTEUR_SOURCE_DIR) + "/pipelines/default.yaml");
  REQUIRE(pipeline.has_value());
  DefaultClassify out{std::move(*pipeline)};
  for (auto& s : out.pipeline.after_pages) {
    if (s->Name() == "classify") out.stage = s.get();
  }
  REQUIRE(out.stage != nullptr);
  return out;
}

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_TESTING_DEFAULT_CLASSIFY_H_
