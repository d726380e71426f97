#include "extract/iban.h"

#include <catch2/catch.hpp>

#include "extract/text_scan.h"

namespace facteur::extract {

TEST_CASE("IbanValid checks the country length, mod 97 and the French RIB key", "[extract]") {
  CHECK(IbanValid("FR76 2004 1279 3942 4022 8234 425"));
  CHECK(IbanValid("GB82WEST12345698765432"));
  CHECK(IbanValid("DE89370400440532013000"));
  CHECK_FALSE(IbanValid("FR76 2004 1279 3942 4022 8234 426"));  // last digit changed
  CHECK_FALSE(IbanValid("FR76 2004 1279 3942 4022 8234 42"));   // too short
  CHECK_FALSE(IbanValid("XX76 2004 1279 3942 4022 8234 425"));  // no such country
  CHECK_FALSE(IbanValid("GB82WEST12345698765433"));
}

TEST_CASE("RepairIban reads O/0, I/1, S/5, B/8 only where the checksum then holds", "[extract]") {
  int repairs = -1;
  // Digits where the French format wants digits: one right reading.
  CHECK(RepairIban("FR762OO41279394240228234425", &repairs) == "FR7620041279394240228234425");
  CHECK(repairs == 2);
  CHECK(RepairIban("FR7620041279394240228234425", &repairs) == "FR7620041279394240228234425");
  CHECK(repairs == 0);
  // Letters where the UK bank code wants letters.
  CHECK(RepairIban("G882WE5T12345698765432") == "GB82WEST12345698765432");
  // A confusion in a free (alphanumeric) French account position.
  CHECK(RepairIban("FR762004127939424022B234425", &repairs) == "FR7620041279394240228234425");
  CHECK(repairs == 1);
}

TEST_CASE("RepairIban refuses an IBAN that no allowed repair makes valid", "[extract]") {
  CHECK(RepairIban("FR7620041279394240228234426").empty());  // a wrong digit is not an OCR confusion
  CHECK(RepairIban("FR762004127939424022823442").empty());   // missing character
  CHECK(RepairIban("FR76200412793942402282344X5").empty());  // X cannot be a digit
}

TEST_CASE("FindIban takes a labelled IBAN printed in groups with no-break spaces", "[extract]") {
  auto f = FindIban(
      {"Titulaire : Julien Girard", "IBAN : FR76 2004 1279 3942 4022 8234 425", "BIC : PSSTFRPPLYO"});
  REQUIRE(f);
  CHECK(f->value == "FR7620041279394240228234425");
  CHECK(f->confidence > 0.95);
  CHECK(f->line == 1);
  CHECK(f->raw == "FR76 2004 1279 3942 4022 8234 425");
  // No-break and narrow no-break spaces between the groups, once cleaned.
  auto nbsp =
      FindIban(CleanLines("IBAN\xC2\xA0: FR76\xE2\x80\xAF"
                          "2004\xC2\xA0"
                          "1279 3942 4022 8234 425"));
  REQUIRE(nbsp);
  CHECK(nbsp->value == "FR7620041279394240228234425");
}

TEST_CASE("FindIban never returns an invalid IBAN and repairs a confusable one", "[extract]") {
  CHECK_FALSE(FindIban({"IBAN : FR76 2004 1279 3942 4022 8234 426"}));
  CHECK_FALSE(FindIban({"IBAN : FR76 2004 1279 3942 4022 8234 4255"}));  // one too many
  auto f = FindIban({"IBAN: FR76 2OO4 1279 3942 4022 8234 425"});
  REQUIRE(f);
  CHECK(f->value == "FR7620041279394240228234425");
  CHECK(f->confidence < 0.95);
  auto bare = FindIban({"Please pay by bank transfer to IBAN FR76 1820 6978 5237 8921 2756 664"});
  REQUIRE(bare);
  CHECK(bare->value == "FR7618206978523789212756664");
}

TEST_CASE("FindIban reads an IBAN that wraps onto the next line", "[extract]") {
  auto f = FindIban({"Règlement par virement sur le compte IBAN FR76 2004 1279 3942", "4022 8234 425"});
  REQUIRE(f);
  CHECK(f->value == "FR7620041279394240228234425");
  CHECK(f->line == 0);
  CHECK_FALSE(FindIban({"IBAN FR76 2004 1279 3942", "Madame, Monsieur"}));
}

TEST_CASE("FindIban reads a dot or dash that OCR put between two groups", "[extract]") {
  auto f = FindIban({"IBAN : FR76 2004 1279.3942 4022-8234 425"});
  REQUIRE(f);
  CHECK(f->value == "FR7620041279394240228234425");
  CHECK_FALSE(FindIban({"IBAN : FR76 2004 1279..3942 4022 8234 425"}));
}

TEST_CASE("FindBic takes 8 or 11 characters after a BIC or SWIFT label", "[extract]") {
  auto f = FindBic({"BIC : PSSTFRPPLYO"});
  REQUIRE(f);
  CHECK(f->value == "PSSTFRPPLYO");
  auto swift = FindBic({"BIC/SWIFT: CRLYFRPP"});
  REQUIRE(swift);
  CHECK(swift->value == "CRLYFRPP");
  CHECK_FALSE(FindBic({"RESILIATION"}));        // no label
  CHECK_FALSE(FindBic({"BIC : PSSTFRP"}));      // 7 characters
  CHECK_FALSE(FindBic({"BIC : PSSTQQPPLYO"}));  // QQ is no country
}

}  // namespace facteur::extract
