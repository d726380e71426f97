// Test-only: a pipeline without OCR (import, then rules), for tests of the
// runner, the CLI and the watcher that do not need Tesseract's time.
#ifndef FACTEUR_TESTS_TESTING_NO_OCR_PIPELINE_H_
#define FACTEUR_TESTS_TESTING_NO_OCR_PIPELINE_H_

namespace facteur::testing {

inline constexpr char kNoOcrPipeline[] = R"(name: no-ocr
version: 1
stages:
  - import: {}
  - classify.rules:
      threshold: 0.5
      classes:
        - {name: termination, keywords: [résiliation]}
)";

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_TESTING_NO_OCR_PIPELINE_H_
