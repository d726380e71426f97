// Test-only: a RunContext with a fixed work folder and home that keeps the
// documents a stage emits.
#ifndef FACTEUR_TESTS_TESTING_FAKE_RUN_CONTEXT_H_
#define FACTEUR_TESTS_TESTING_FAKE_RUN_CONTEXT_H_

#include <string>
#include <vector>

#include "facteur/stage.h"

namespace facteur::testing {

class FakeRunContext : public RunContext {
 public:
  explicit FakeRunContext(std::string work_dir = "/tmp", std::string home = "")
      : work_dir_(std::move(work_dir)), home_(std::move(home)) {}
  const std::string& WorkDir() const override { return work_dir_; }
  const std::string& Home() const override { return home_; }
  void Emit(Document doc) override { emitted.push_back(std::move(doc)); }

  std::vector<Document> emitted;

 private:
  std::string work_dir_;
  std::string home_;
};

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_TESTING_FAKE_RUN_CONTEXT_H_
