// Test-only: a fresh folder under the system temp dir, removed with its
// contents when the object goes out of scope.
#ifndef FACTEUR_TESTS_TESTING_SCRATCH_DIR_H_
#define FACTEUR_TESTS_TESTING_SCRATCH_DIR_H_

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

namespace facteur::testing {

class ScratchDir {
 public:
  ScratchDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("facteur-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::string path() const { return path_.string(); }
  // path() + "/" + name
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_TESTING_SCRATCH_DIR_H_
