#include "extract/contact.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "extract/letter_parts.h"
#include "extract/text_scan.h"
#include "testing/corpus.h"

namespace facteur::extract {

TEST_CASE("NormalisePhone writes French and UK numbers in E.164", "[extract]") {
  CHECK(NormalisePhone("07 68 47 85 25") == "+33768478525");
  CHECK(NormalisePhone("01.45.67.89.10") == "+33145678910");
  CHECK(NormalisePhone("+33 4 75 16 66 29") == "+33475166629");
  CHECK(NormalisePhone("+33 (0)4 75 16 66 29") == "+33475166629");
  CHECK(NormalisePhone("0033 4 75 16 66 29") == "+33475166629");
  CHECK(NormalisePhone("07700 107443") == "+447700107443");
  CHECK(NormalisePhone("020 3215 3505") == "+442032153505");
  CHECK(NormalisePhone("+44 (0)20 3215 3505") == "+442032153505");
  CHECK(NormalisePhone("12 34 56").empty());
  CHECK(NormalisePhone("+1 212 555 0100").empty());
}

TEST_CASE("FindPhone prefers the labelled number and skips fax lines", "[extract]") {
  std::vector<std::string> lines = {"Penrose Stationery", "Fax: +44 20 3215 3505",
                                    CleanLine("T\xC3\xA9l.\xC2\xA0: 07\xE2\x80\xAF"
                                              "68 47 85 25"),
                                    "vous pouvez me joindre au 06 98 17 34 55."};
  auto p = FindPhone(lines, 3);
  REQUIRE(p);
  CHECK(p->value == "+33768478525");
  CHECK(p->line == 2);
}

TEST_CASE("FindPostcodes reads French postcodes before a town and UK postcodes", "[extract]") {
  auto fr = FindPostcodes("44000 Nantes");
  REQUIRE(fr.size() == 1);
  CHECK(fr[0].value == "44000");
  CHECK(FindPostcodes("83 impasse des Tilleuls, 69002 Lyon.").at(0).value == "69002");
  CHECK(FindPostcodes("13006 \xC3\x89vry").at(0).value == "13006");
  CHECK(FindPostcodes("Manchester M14 5RB").at(0).value == "M14 5RB");
  CHECK(FindPostcodes("London SW1A1AA").at(0).value == "SW1A 1AA");
  CHECK(FindPostcodes("SAPORS LANE - BOOLE - DORSET - BH 25 8ER").at(0).value == "BH25 8ER");  // CCITT_1.TIF
  CHECK(FindPostcodes("TSA 82159").empty());
  CHECK(FindPostcodes("CL-446749").empty());
  // OCR read the inward code's 5 as S: repaired after a whole outward code only.
  CHECK(FindPostcodes("York YO10 SDD").at(0).value == "YO10 5DD");
  CHECK(FindPostcodes("London W1 OAX").at(0).value == "W1 0AX");
  CHECK(FindPostcodes("SEND SDD").empty());
  CHECK(FindPostcodes("Dear Sir or Madam").empty());
}

TEST_CASE("FindFaxSender reads the number of the sample fax's header line", "[extract]") {
  std::ifstream in(testing::SourcePath("samples/fr-bank-details-fax.txt"));
  std::stringstream text;
  text << in.rdbuf();
  auto lines = CleanLines(SplitPages(text.str()).front());
  CHECK(FaxHeaderLine(lines) == 0);
  auto f = FindFaxSender(lines);
  REQUIRE(f);
  CHECK(f->value == "+33475166629");
  CHECK(f->raw == "+33 4 75 16 66 29");
  // OCR collapses the double spaces; UK headers have other groupings.
  auto uk = FindFaxSender({"13/01/2026 10:42 +44 20 1234 5678 LUCY EVANS P.01"});
  REQUIRE(uk);
  CHECK(uk->value == "+442012345678");
  CHECK_FALSE(FindFaxSender({"Julien Girard", "26 novembre 2026"}));
  // Noise before the header and an O read for the page number's 0.
  auto noisy = FindFaxSender({"_ 27/02/2026 18:21 +33 4 94 56 11 94 HELENE MOREAU P.O1"});
  REQUIRE(noisy);
  CHECK(noisy->value == "+33494561194");
  // A comma for the page mark's dot, an @ for its 0.
  CHECK(FaxHeaderLine({"07/07/2026 10:39 +33 4 78 26 35 42 HFIENE BONNET P,01"}) == 0);
  CHECK(FaxHeaderLine({"17/07/2626 18:56 +44 20 4825 6120 JAMES EVANS P.@1"}) == 0);
  CHECK(FaxHeaderLine({"Rennes, le 7 juillet 2026 10:39, page de garde"}) == -1);
}

TEST_CASE("FindEmail lower-cases the address", "[extract]") {
  auto e = FindEmail({"Courriel : Julien.Girard@Example.fr"});
  REQUIRE(e);
  CHECK(e->value == "julien.girard@example.fr");
  CHECK(e->confidence > 0.9);
}

TEST_CASE("FindSenderBlock reads the name, the address up to the postcode and the recipient", "[extract]") {
  std::vector<std::string> lines = {"H\xC3\xA9l\xC3\xA8ne Lambert",
                                    "126 rue Pasteur",
                                    "13006 Marseille",
                                    "T\xC3\xA9l. : 06 98 17 34 55",
                                    "",
                                    "Eau de la Vall\xC3\xA9"
                                    "e",
                                    "Service Abonn\xC3\xA9s",
                                    "TSA 23139",
                                    "13006 Marseille",
                                    "Marseille, le 27 juin 2026"};
  SenderBlock b = FindSenderBlock(lines, -1);
  REQUIRE(b.name);
  CHECK(b.name->value == "H\xC3\xA9l\xC3\xA8ne Lambert");
  REQUIRE(b.address);
  CHECK(b.address->value == "126 rue Pasteur, 13006 Marseille");
  REQUIRE(b.postcode);
  CHECK(b.postcode->value == "13006");
  REQUIRE(b.recipient);
  CHECK(b.recipient->value ==
        "Eau de la Vall\xC3\xA9"
        "e");
  SenderBlock none = FindSenderBlock({"Madame, Monsieur,",
                                      "Je vous \xC3\xA9"
                                      "cris",
                                      "pour vous dire"},
                                     -1);
  CHECK_FALSE(none.name);
  CHECK_FALSE(none.address);
}

TEST_CASE("FindSenderBlock joins a wrapped recipient name and does not take TeleNova for a phone label",
          "[extract]") {
  SenderBlock a = FindSenderBlock(
      {"Claire Dubois", "12 rue Pasteur", "69002 Lyon", "T\xC3\xA9l. : 06 98 17 34 55",
       "Assurances G\xC3\xA9n\xC3\xA9rales de", "l'Ouest", "Service Clients", "TSA 1", "35000 Rennes"},
      -1);
  REQUIRE(a.recipient);
  CHECK(a.recipient->value == "Assurances G\xC3\xA9n\xC3\xA9rales de l'Ouest");
  SenderBlock b = FindSenderBlock({"Claire Dubois", "12 rue Pasteur", "69002 Lyon", "T\xC3\xA9l\xC3\xA9Nova",
                                   "Service R\xC3\xA9siliations", "TSA 1", "35000 Rennes"},
                                  -1);
  REQUIRE(b.recipient);
  CHECK(b.recipient->value == "T\xC3\xA9l\xC3\xA9Nova");
}

TEST_CASE("FindSenderBlock finds a recipient block that OCR read after an invoice table", "[extract]") {
  SenderBlock b = FindSenderBlock(
      {"Penrose Stationery", "PO Box 856", "Leicester LE2 3FG", "Fax: +44 20 1898 9551",
       "INVOICE No. INV-2026-9262", "Invoice date: 17 August 2026", "Desktop stapler",
       "Payment due by: 16 September 2026", "Thomas Evans", "133 Church Lane", "Manchester M14 5RB"},
      -1);
  REQUIRE(b.recipient);
  CHECK(b.recipient->value == "Thomas Evans");
  CHECK(b.recipient->confidence < 0.75);
}

TEST_CASE("FindSubject reads Objet, Re and Subject lines", "[extract]") {
  auto fr = FindSubject({"Madame,", "Objet\xC2\xA0: R\xC3\xA9siliation du contrat"});
  REQUIRE(fr);
  CHECK(fr->value == "R\xC3\xA9siliation du contrat");
  auto en = FindSubject({"Re: Formal complaint, account CL-189940"});
  REQUIRE(en);
  CHECK(en->value == "Formal complaint, account CL-189940");
  CHECK_FALSE(FindSubject({"Reference: nothing"}));
}

}  // namespace facteur::extract
