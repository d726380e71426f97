#include "extract/customer_matcher.h"

#include <catch2/catch.hpp>

#include "extract/customer_csv.h"

namespace facteur::extract {
namespace {

std::vector<Customer> Directory() {
  return {
      {"CL-446749", "Julien Girard", "44000", "julien.girard@example.fr", "+33768478525", {"CT-23065859"}},
      {"CL-446740", "Claire Dubois", "69002", "", "", {"CT-21111111"}},
      {"CL-900817", "H\xC3\xA9l\xC3\xA8ne Bonnet", "35000", "", "", {"CT-21604301", "CT-29999999"}},
      {"CL-189940", "Lucy Evans", "M14 5RB", "", "", {"POL-1787021"}},
      {"CL-100001", "Thomas Evans", "SW4 7JU", "", "", {}},
      {"CL-100002", "Thomas Evans", "SW4 7JU", "", "", {}}};
}

std::map<std::string, Field> Fields(std::initializer_list<std::pair<const char*, const char*>> kv) {
  std::map<std::string, Field> out;
  for (auto [k, v] : kv) out[k] = Field{.value = v, .confidence = 0.9};
  return out;
}

}  // namespace

TEST_CASE("CustomerMatcher matches by exact customer id first", "[extract]") {
  CustomerMatcher m(Directory());
  auto r = m.Match(Fields({{"customer_id", "CL-446749"}, {"sender_name", "Julien Girard"}}));
  REQUIRE(r);
  CHECK(r->customer_id == "CL-446749");
  CHECK(r->score == Approx(0.99));
}

TEST_CASE("CustomerMatcher reads customer ids OCR-tolerantly", "[extract]") {
  CustomerMatcher m(Directory());
  auto r = m.Match(Fields({{"customer_id", "CL-9OO817"}}));
  REQUIRE(r);
  CHECK(r->customer_id == "CL-900817");
  CHECK(r->how.find("OCR") != std::string::npos);
  // One character off: only with the name or postcode to back it.
  CHECK_FALSE(m.Match(Fields({{"customer_id", "CL-900818"}})));
  auto near = m.Match(Fields({{"customer_id", "CL-900818"}, {"postcode", "35000"}}));
  REQUIRE(near);
  CHECK(near->customer_id == "CL-900817");
  CHECK(near->score < 0.9);
}

TEST_CASE("CustomerMatcher falls back on the contract id, then name and postcode", "[extract]") {
  CustomerMatcher m(Directory());
  auto k = m.Match(Fields({{"contract_id", "CT-29999999"}}));
  REQUIRE(k);
  CHECK(k->customer_id == "CL-900817");
  auto np = m.Match(Fields({{"sender_name", "Helene BONNET"}, {"postcode", "35000"}}));
  REQUIRE(np);
  CHECK(np->customer_id == "CL-900817");
  CHECK(np->score >= 0.6);
  auto uk = m.Match(Fields({{"sender_name", "Lucy Evens"}, {"postcode", "M145RB"}}));
  REQUIRE(uk);
  CHECK(uk->customer_id == "CL-189940");
  auto mail = m.Match(Fields({{"email", "Julien.Girard@example.fr"}}));
  REQUIRE(mail);  // e-mails compare case-insensitively
  CHECK(mail->customer_id == "CL-446749");
  auto phone = m.Match(Fields({{"phone", "+33768478525"}}));
  REQUIRE(phone);
  CHECK(phone->customer_id == "CL-446749");
}

TEST_CASE("CustomerMatcher gives no match when the evidence is ambiguous or absent", "[extract]") {
  CustomerMatcher m(Directory());
  CHECK_FALSE(m.Match(Fields({{"sender_name", "Thomas Evans"}, {"postcode", "SW4 7JU"}})));  // two of them
  CHECK_FALSE(m.Match(Fields({{"sender_name", "Julien Girard"}, {"postcode", "75001"}})));
  CHECK_FALSE(m.Match(Fields({{"customer_id", "CL-123456"}})));
  CHECK_FALSE(m.Match({}));
  auto conflict = m.Match(Fields({{"customer_id", "CL-446749"}, {"contract_id", "CT-21604301"}}));
  REQUIRE(conflict);
  CHECK(conflict->score < 0.8);
  CHECK(conflict->how.find("CL-900817") != std::string::npos);
}

TEST_CASE("NameSimilarity ignores accents, case and word order", "[extract]") {
  CHECK(NameSimilarity("H\xC3\xA9l\xC3\xA8ne Lambert", "LAMBERT Helene") == Approx(1.0));
  CHECK(NameSimilarity("Julien Girard", "Julien Giraud") > 0.8);
  CHECK(NameSimilarity("Julien Girard", "Sophie Moreau") < 0.5);
}

TEST_CASE("ParseCustomersCsv reads quoted fields, semicolons, a BOM and several contracts", "[extract]") {
  auto c = ParseCustomersCsv(
      "\xEF\xBB\xBFid;nom;code postal;email;t\xC3\xA9l\xC3\xA9phone;contrats\r\n"
      "CL-446749;\"Girard; Julien\";44000;j@example.fr;07 68 47 85 25;CT-23065859|CT-1\r\n\r\n"
      "CL-189940;Lucy Evans;m14 5rb;;;\n",
      "dir.csv");
  REQUIRE(c);
  REQUIRE(c->size() == 2);
  CHECK((*c)[0].name == "Girard; Julien");
  CHECK((*c)[0].phone == "+33768478525");
  CHECK((*c)[0].contract_ids == std::vector<std::string>{"CT-23065859", "CT-1"});
  CHECK((*c)[1].postcode == "M14 5RB");
  CHECK((*c)[1].contract_ids.empty());
}

TEST_CASE("ParseCustomersCsv names the file and line of a bad row", "[extract]") {
  auto no_id = ParseCustomersCsv("name,postcode\nA,1\n", "dir.csv");
  REQUIRE_FALSE(no_id);
  CHECK(no_id.error().message() ==
        "dir.csv:1: no id column (want id, name, postcode, email, phone, contracts)");
  auto twice = ParseCustomersCsv("id,name\nA,x\nB,y\nA,z\n", "dir.csv");
  REQUIRE_FALSE(twice);
  CHECK(twice.error().message() == "dir.csv:4: id 'A' given twice");
  auto quote = ParseCustomersCsv("id,name\nA,\"x\n", "dir.csv");
  REQUIRE_FALSE(quote);
  CHECK(quote.error().message() == "dir.csv:2: unclosed quote");
  auto empty = ParseCustomersCsv("id,name\n,x\n", "dir.csv");
  REQUIRE_FALSE(empty);
  CHECK(empty.error().message() == "dir.csv:2: empty id");
}

}  // namespace facteur::extract
