#include <catch2/catch.hpp>

#include "facteur/store.h"
#include "store/temp_home.h"

namespace facteur {
namespace {

TEST_CASE("SqliteStore keeps each page's quality flags and blank score", "[store][cleanup]") {
  testing::TempHome home;
  auto store = OpenSqliteStore(home.path());
  REQUIRE(store.has_value());
  Document doc;
  doc.id = "quality-0001";
  doc.source.path = "scan.tif";
  doc.source.sha256 = std::string(64, 'c');
  doc.status = DocStatus::kReview;
  for (int i = 0; i < 2; ++i) {
    Page p;
    p.index = i;
    p.blank_score = i == 0 ? 0.25 : -1;
    if (i == 0) p.quality_flags = {"too dark", "low OCR confidence"};
    doc.pages.push_back(std::move(p));
  }
  REQUIRE((*store)->Put(doc).ok());
  auto got = (*store)->Get("quality-0001");
  REQUIRE(got.has_value());
  REQUIRE(got->pages.size() == 2);
  CHECK(got->pages[0].quality_flags == std::vector<std::string>{"too dark", "low OCR confidence"});
  CHECK(got->pages[0].blank_score == Approx(0.25));
  CHECK(got->pages[1].quality_flags.empty());
  CHECK(got->pages[1].blank_score == -1);
}

}  // namespace
}  // namespace facteur
