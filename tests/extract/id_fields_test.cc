#include "extract/id_fields.h"

#include <catch2/catch.hpp>

namespace facteur::extract {
namespace {

IdFinder Finder() {
  auto f = IdFinder::Make({{"customer_id",
                            {"R\xC3\xA9"
                             "f\xC3\xA9rence client",
                             "Customer ref"},
                            R"(CL-\d{6})",
                            true},
                           {"contract_id",
                            {"N\xC2\xB0 de contrat", "Police n\xC2\xB0", "Policy No."},
                            R"((CT|POL)-\d{7,8})",
                            false}});
  REQUIRE(f);
  return *f;
}

}  // namespace

TEST_CASE("IdFinder reads an id after its label, whatever the accents and spacing", "[extract]") {
  IdFinder f = Finder();
  auto id = f.Find(0, {"REFERENCE CLIENT: CL-446749"});
  REQUIRE(id);
  CHECK(id->value == "CL-446749");
  CHECK(id->confidence >= 0.9);
  auto contract = f.Find(1, {"N\xC2\xB0 de contrat : CT-23065859"});
  REQUIRE(contract);
  CHECK(contract->value == "CT-23065859");
  auto ocr = f.Find(1, {"N de contrat : CT-23065859"});  // OCR lost the degree sign
  REQUIRE(ocr);
  auto police = f.Find(1, {"Police n\xC2\xB0 POL-1787021"});
  REQUIRE(police);
  CHECK(police->value == "POL-1787021");
  auto policy = f.Find(1, {"Policy No. POL-1787021"});
  REQUIRE(policy);
}

TEST_CASE("IdFinder repairs OCR confusions only towards the id's pattern", "[extract]") {
  IdFinder f = Finder();
  auto id = f.Find(0, {"R\xC3\xA9"
                       "f\xC3\xA9rence client : CL-44674O"});
  REQUIRE(id);
  CHECK(id->value == "CL-446740");
  CHECK(id->confidence < 0.9);
  CHECK(f.Repair(0, "C1-446749") == "CL-446749");
  auto split = f.Find(0, {"Customer ref: CL- 196726"});
  REQUIRE(split);
  CHECK(split->value == "CL-196726");
  CHECK(f.Repair(0, "CL-4467A9").empty());
  CHECK_FALSE(f.Find(0, {"R\xC3\xA9"
                         "f\xC3\xA9rence client : CL-44G7"}));
}

TEST_CASE("IdFinder takes a bare id only when the rule allows it", "[extract]") {
  IdFinder f = Finder();
  auto bare = f.Find(0, {"Re: Formal complaint, account CL-189940"});
  REQUIRE(bare);
  CHECK(bare->value == "CL-189940");
  CHECK(bare->confidence < 0.7);
  CHECK_FALSE(f.Find(1, {"my contract CT-23065859 is"}));
}

TEST_CASE("IdFinder::Make refuses a pattern that does not compile", "[extract]") {
  auto f = IdFinder::Make({{"customer_id", {"x"}, "CL-(\\d", true}});
  REQUIRE_FALSE(f);
  CHECK(f.error().message().find("customer_id") != std::string::npos);
}

}  // namespace facteur::extract
