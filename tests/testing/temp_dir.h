// Test-only: a fresh empty folder under /tmp, removed with everything in it
// (read-only files included) when the object goes out of scope.
#ifndef FACTEUR_TESTS_TESTING_TEMP_DIR_H_
#define FACTEUR_TESTS_TESTING_TEMP_DIR_H_

#include <string>

namespace facteur::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  std::string operator/(const std::string& name) const { return File(name); }
  // Writes `text` to path()/name (creating folders) and returns the full path.
  std::string Write(const std::string& name, const std::string& text) const;

 private:
  std::string path_;
};

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_TESTING_TEMP_DIR_H_
