// Helpers for the cleanup tests: load a corpus page, build a stage from the
// registry with YAML settings, run it on one page.
#ifndef FACTEUR_TESTS_CLEANUP_CLEANUP_TEST_UTIL_H_
#define FACTEUR_TESTS_CLEANUP_CLEANUP_TEST_UTIL_H_

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "core/stage_registry.h"
#include "facteur/importer.h"
#include "facteur/settings.h"
#include "testing/corpus.h"

namespace facteur::testing {

inline Page LoadCorpusPage(const std::string& relative, int index = 0) {
  auto source = OpenImport(CorpusPath(relative), ImportOptions{});
  REQUIRE(source.has_value());
  auto page = (*source)->ReadPage(index);
  REQUIRE(page.has_value());
  page->index = index;
  page->width = page->image.width();
  page->height = page->image.height();
  return std::move(*page);
}

inline int CorpusPageCount(const std::string& relative) {
  auto source = OpenImport(CorpusPath(relative), ImportOptions{});
  REQUIRE(source.has_value());
  return (*source)->PageCount();
}

inline std::unique_ptr<PageStage> MakePageStage(const std::string& name, const std::string& yaml = "{}") {
  auto settings = Settings::Parse(yaml, "test.yaml");
  REQUIRE(settings.has_value());
  const StageFactory* factory = BuiltinStages().Find(name);
  REQUIRE(factory != nullptr);
  auto stage = (*factory)(*settings);
  if (!stage) FAIL(stage.error().ToString());
  auto* page_stage = dynamic_cast<PageStage*>(stage->get());
  REQUIRE(page_stage != nullptr);
  stage->release();
  return std::unique_ptr<PageStage>(page_stage);
}

// Runs `stage` on `page` with a fresh worker; returns the worker's status.
inline Status RunPageStage(const PageStage& stage, Page& page, const std::string& source = "test") {
  auto worker = stage.NewWorker();
  REQUIRE(worker.has_value());
  Document doc;
  doc.source.path = source;
  return (*worker)->Run(page, doc, "/tmp");
}

inline bool HasNoteStarting(const Page& page, const std::string& prefix) {
  for (const std::string& note : page.notes) {
    if (note.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

inline std::string Notes(const Page& page) {
  std::string all;
  for (const std::string& note : page.notes) all += note + "\n";
  return all;
}

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_CLEANUP_CLEANUP_TEST_UTIL_H_
