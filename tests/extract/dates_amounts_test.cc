#include <catch2/catch.hpp>

#include "extract/amounts.h"
#include "extract/dates.h"
#include "extract/text_scan.h"

namespace facteur::extract {

TEST_CASE("ParseDate reads French, English and numeric dates into ISO 8601", "[extract]") {
  CHECK(ParseDate("Lyon, le 14 octobre 2026") == "2026-10-14");
  CHECK(ParseDate("1er janvier 2027") == "2027-01-01");
  CHECK(ParseDate("ler f\xC3\xA9vrier 2026") == "2026-02-01");  // OCR reads "1er" as "ler"
  CHECK(ParseDate("le 3 ao\xC3\xBBt 2026") == "2026-08-03");
  CHECK(ParseDate("12 November 2026") == "2026-11-12");
  CHECK(ParseDate("November 12, 2026") == "2026-11-12");
  CHECK(ParseDate("Our Ref. 350/PJC/EAC 18th January, 1972.") == "1972-01-18");  // CCITT_1.TIF
  CHECK(ParseDate("14/10/2026") == "2026-10-14");
  CHECK(ParseDate("14.10.2026") == "2026-10-14");
  CHECK(ParseDate("2026-10-14") == "2026-10-14");
  CHECK(ParseDate("14\xC2\xA0"
                  "d\xC3\xA9"
                  "cembre\xE2\x80\xAF"
                  "2026") == "2026-12-14");  // folding reads them
  CHECK(ParseDate(CleanLine("14\xC2\xA0"
                            "d\xC3\xA9"
                            "cembre\xE2\x80\xAF"
                            "2026")) == "2026-12-14");
}

TEST_CASE("ParseDate refuses impossible dates and non-dates", "[extract]") {
  CHECK(ParseDate("31/02/2026").empty());
  CHECK(ParseDate("29 February 2026").empty());
  CHECK(ParseDate("29 February 2028") == "2028-02-29");
  CHECK(ParseDate("12 ans 2026").empty());
  CHECK(ParseDate("CT-23065859").empty());
}

TEST_CASE("FindLetterDate prefers the place-and-date line over dates in the body or the fax header",
          "[extract]") {
  std::vector<std::string> lines = {"26/11/2026 09:11  +33 4 75 16 66 29  JULIEN GIRARD  P.01",
                                    "Le contrat du 3 mars 2025", "Nantes, le 26 novembre 2026",
                                    "Objet : test"};
  auto d = FindLetterDate(lines, 0);
  REQUIRE(d);
  CHECK(d->value == "2026-11-26");
  CHECK(d->confidence >= 0.9);
  CHECK(d->line == 2);
  auto invoice = FindLetterDate({"INVOICE No. INV-2026-1468", "Invoice date: 8 June 2026"}, -1);
  REQUIRE(invoice);
  CHECK(invoice->value == "2026-06-08");
  auto bare = FindLetterDate({"since 1 January 2026."}, -1);
  REQUIRE(bare);
  CHECK(bare->confidence < 0.5);
}

TEST_CASE("FindAmounts reads French and English notations with their currency", "[extract]") {
  auto one = [](const std::string& line) {
    auto a = FindAmounts(CleanLine(line));
    return a.empty() ? std::string() : a.front().value;
  };
  CHECK(one("un montant de 1 274,50 \xE2\x82\xAC") == "1274.50 EUR");
  CHECK(one("un montant de 1\xE2\x80\xAF"
            "274,50\xC2\xA0\xE2\x82\xAC") == "1274.50 EUR");
  CHECK(one("1.274,50 EUR") == "1274.50 EUR");
  CHECK(one("1,020.00 GBP") == "1020.00 GBP");
  CHECK(one("Total due: \xC2\xA3"
            "430.68") == "430.68 GBP");
  CHECK(one("EUR 35.00") == "35.00 EUR");
  CHECK(one("35 euros") == "35.00 EUR");
  CHECK(one("USD 1,5") == "1.50 USD");
  CHECK(one("box of 250 \xC2\xA3"
            "24.50") == "24.50 GBP");  // 250 is not an amount in pounds
  CHECK(one("Qty 250 boxes").empty());
}

TEST_CASE("FindAmount prefers the total of an invoice", "[extract]") {
  auto a =
      FindAmount({"8  Desktop stapler  \xC2\xA3"
                  "18.75  \xC2\xA3"
                  "150.00",
                  "Subtotal: \xC2\xA3"
                  "358.90",
                  "VAT 20%: \xC2\xA3"
                  "71.78",
                  "Total due: \xC2\xA3"
                  "430.68"});
  REQUIRE(a);
  CHECK(a->value == "430.68 GBP");
  CHECK(a->confidence > 0.9);
  auto fr = FindAmount({"Total HT : 100,00 \xE2\x82\xAC", "Total TTC : 120,00 \xE2\x82\xAC"});
  REQUIRE(fr);
  CHECK(fr->value == "120.00 EUR");
  auto letter = FindAmount({"d'un montant de 85,20 \xE2\x82\xAC, qui ne correspond pas"});
  REQUIRE(letter);
  CHECK(letter->value == "85.20 EUR");
}

}  // namespace facteur::extract
