// A fresh HOME folder under /tmp for one test, removed with everything in it.
#ifndef FACTEUR_TESTS_STORE_TEMP_HOME_H_
#define FACTEUR_TESTS_STORE_TEMP_HOME_H_

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "facteur/document.h"
#include "testing/temp_dir.h"

namespace facteur::testing {

using TempHome = TempDir;  // a store's HOME folder

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A small document with one page of `text`, status done.
inline Document TextDocument(const std::string& id, const std::string& text) {
  Document doc;
  doc.id = id;
  doc.source.path = "/in/" + id + ".tif";
  doc.source.sha256 = std::string(64, 'a');
  doc.source.format = "tiff";
  doc.pages.emplace_back();
  doc.pages.back().text.text = text;
  return doc;
}

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_STORE_TEMP_HOME_H_
