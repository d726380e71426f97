#include "extract/text_scan.h"

#include <catch2/catch.hpp>

namespace facteur::extract {

TEST_CASE("CleanLine turns no-break, narrow no-break and thin spaces into one plain space", "[extract]") {
  CHECK(CleanLine("1\xC2\xA0"
                  "274,50\xE2\x80\xAF\xE2\x82\xAC") == "1 274,50 \xE2\x82\xAC");
  CHECK(CleanLine("  a\t\tb \xE2\x80\x89 c  ") == "a b c");
  CHECK(CleanLine("l\xE2\x80\x99"
                  "adresse") == "l'adresse");
}

TEST_CASE("Fold lowers case, drops accents and maps the degree sign, keeping origins", "[extract]") {
  Folded f = Fold(
      "R\xC3\xA9"
      "f\xC3\xA9rence N\xC2\xB0 \xC5\x92uvre");
  CHECK(f.text == "reference no oeuvre");
  REQUIRE(f.origin.size() == f.text.size() + 1);
  CHECK(f.origin[2] == 3);                         // 'f' comes after the two bytes of 'é'
  CHECK(FoldText("E\xCC\x81t\xC3\xA9") == "ete");  // combining acute accent
}

TEST_CASE("CleanLines keeps empty lines and SplitPages splits on form feeds", "[extract]") {
  auto lines = CleanLines("a\r\n\nb\n");
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].empty());
  CHECK(lines[2] == "b");
  CHECK(SplitPages("p1\fp2\fp3").size() == 3);
}

TEST_CASE("Malformed UTF-8 never stops the scan", "[extract]") {
  CHECK(FoldText("a\xC3") == "a\xC3");
  CHECK(CleanLine("\xFF\xFE x") == "\xFF\xFE x");
}

}  // namespace facteur::extract
