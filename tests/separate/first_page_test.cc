// First-page detection (separate.split first_page) and duplex pairs, on
// pages given synthetic OCR words: no images, no Tesseract. The measured
// figure with real OCR comes from facteur-samplegen --trays (see README).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "separate/first_page.h"
#include "separate/separate_stages.h"
#include "testing/fake_run_context.h"

using facteur::Document;
using facteur::DocStatus;
using facteur::Page;
using namespace facteur::separate;

namespace {

constexpr int kHeight = 2339;  // A4 at 200 dpi
constexpr int kLineHeight = 40;

// A page whose OCR found `lines`, top to bottom from `top` (pixels), one
// word box per word.
Page TextPage(int source_index, const std::vector<std::string>& lines, int top = 200) {
  Page page;
  page.source_index = source_index;
  page.width = 1654;
  page.height = kHeight;
  page.dpi = 200;
  int y = top;
  for (const std::string& line : lines) {
    int x = 200;
    size_t start = 0;
    while (start < line.size()) {
      size_t end = line.find(' ', start);
      if (end == std::string::npos) end = line.size();
      if (end > start) {
        std::string word = line.substr(start, end - start);
        int w = 18 * static_cast<int>(word.size());
        page.text.words.push_back(facteur::WordBox{word, x, y, w, 30, 90});
        x += w + 15;
      }
      start = end + 1;
    }
    page.text.text += line + "\n";
    y += kLineHeight;
  }
  page.text.mean_confidence = 90;
  return page;
}

const std::vector<std::string> kBody = {
    "Nous avons bien reçu votre courrier et nous vous en remercions. Votre dossier",
    "a été transmis au service concerné, qui reviendra vers vous dans les meilleurs",
    "délais. Nous restons à votre disposition pour tout renseignement complémentaire."};

std::vector<std::string> FirstLines(int letter, bool french) {
  std::vector<std::string> lines;
  if (french) {
    lines = {"Jeanne Martin", "12 rue des Lilas", "69003 Lyon", "Tél. : 04 72 11 22 33", "",
             "Assurances du Rhône", "Service clients", "4 place Bellecour", "69002 Lyon", "",
             "Lyon, le " + std::to_string(3 + letter) + " mars 2026", "Référence client : CL-48291" + std::to_string(letter),
             "Objet : Résiliation du contrat", "Madame, Monsieur,"};
  } else {
    lines = {"John Smith", "14 Elm Street", "Bristol BS1 4DJ", "", "Northern Insurance Ltd", "Claims department",
             "1 King Street", "Leeds LS1 2HL", "", std::to_string(3 + letter) + " March 2026",
             "Customer ref: CL-1298" + std::to_string(letter), "Re: Notification of claim", "Dear Sir or Madam,"};
  }
  lines.insert(lines.end(), kBody.begin(), kBody.end());
  return lines;
}

std::vector<std::string> NextLines(bool last, bool french) {
  std::vector<std::string> lines = {"Par ailleurs, je vous rappelle que les sommes dues doivent être réglées",
                                    "avant la fin du mois, faute de quoi le dossier sera clos sans suite."};
  lines.insert(lines.end(), kBody.begin(), kBody.end());
  if (last) {
    lines.push_back(french ? "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."
                           : "Yours faithfully,");
    lines.push_back(french ? "Jeanne Martin" : "John Smith");
  }
  return lines;
}

// The split of `doc`: 0-based source pages per document, and the documents.
std::vector<std::vector<int>> Split(Document& doc, const SplitOptions& options, std::vector<Document>* out = nullptr) {
  facteur::testing::FakeRunContext ctx;
  REQUIRE(NewSplitStage(options)->Run(doc, ctx).ok());
  std::vector<Document> docs;
  docs.push_back(std::move(doc));
  for (Document& d : ctx.emitted) docs.push_back(std::move(d));
  std::vector<std::vector<int>> ranges;
  for (const Document& d : docs) {
    ranges.emplace_back();
    for (const Page& p : d.pages) ranges.back().push_back(p.source_index);
  }
  if (out) *out = std::move(docs);
  return ranges;
}

SplitOptions FirstPageOn() {
  SplitOptions options;
  options.first_page = true;
  return options;
}

}  // namespace

TEST_CASE("A letter's first page scores high and its continuation low", "[separate]") {
  for (bool french : {true, false}) {
    INFO((french ? "fr" : "en"));
    Page first = TextPage(0, FirstLines(1, french));
    Page next = TextPage(1, NextLines(true, french), 150);
    FirstPageScore a = ScoreFirstPage(first, nullptr);
    FirstPageScore b = ScoreFirstPage(next, &first);
    INFO(DescribeScore(a) << " / " << DescribeScore(b));
    CHECK(a.score > 0.9);
    CHECK(b.score < 0.2);
    // After a page that closes its letter, a letter page starts a new one.
    Page again = TextPage(2, FirstLines(2, french));
    CHECK(ScoreFirstPage(again, &next).score > 0.95);
  }
}

TEST_CASE("Printed page numbers decide between first page and continuation", "[separate]") {
  std::vector<std::string> lines = NextLines(false, true);
  lines.push_back("Page 2/3");
  FirstPageScore two = ScoreFirstPage(TextPage(1, lines), nullptr);
  CHECK(two.score < 0.05);
  CHECK(DescribeScore(two).find("page 2/3") != std::string::npos);
  lines.back() = "1/2";
  CHECK(ScoreFirstPage(TextPage(1, lines), nullptr).score > 0.8);
  // A date is no page number.
  lines.back() = "12/03/2026";
  CHECK(ScoreFirstPage(TextPage(1, lines), nullptr).score < 0.5);
  // A page without text keeps the prior, and says so.
  FirstPageScore empty = ScoreFirstPage(Page{}, nullptr);
  CHECK_FALSE(empty.has_text);
  CHECK(DescribeScore(empty).find("no text") != std::string::npos);
}

TEST_CASE("First-page detection splits a tray without separator sheets at the letters", "[separate]") {
  // 7 letters of 1-3 pages, French and English: pages per letter.
  const int pages[] = {1, 3, 2, 1, 1, 2, 3};
  Document doc;
  doc.id = "tray";
  doc.source.path = "tray.tif";
  std::vector<std::vector<int>> expected;
  int source = 0;
  for (int letter = 0; letter < 7; ++letter) {
    const bool french = letter % 3 != 1;
    expected.emplace_back();
    for (int p = 0; p < pages[letter]; ++p) {
      expected.back().push_back(source);
      const bool last = p + 1 == pages[letter];
      std::vector<std::string> lines = p == 0 ? FirstLines(letter, french) : NextLines(last, french);
      if (p == 0 && last) lines.push_back(french ? "Veuillez agréer, Madame, Monsieur, mes salutations." : "Kind regards,");
      doc.pages.push_back(TextPage(source++, lines));
    }
  }
  std::vector<Document> docs;
  CHECK(Split(doc, FirstPageOn(), &docs) == expected);
  for (const Document& d : docs) {
    INFO(d.id << " " << d.source.context.at("batch.split_confidence"));
    CHECK(d.status == DocStatus::kDone);
    CHECK(std::stod(d.source.context.at("batch.split_confidence")) >= 0.8);
  }
  // Off (the default), the same tray stays one document.
  Document again;
  for (const Document& d : docs)
    for (const Page& p : d.pages) again.pages.push_back(TextPage(p.source_index, {}));
  CHECK(Split(again, SplitOptions{}).size() == 1);
}

TEST_CASE("A doubtful first-page split goes to review naming the page", "[separate]") {
  Document doc;
  doc.source.path = "tray.tif";
  doc.pages.push_back(TextPage(0, FirstLines(1, true)));
  // An attachment: a date and an address, no subject, no salutation, after
  // a page that did not close. Neither clearly new nor clearly continued.
  doc.pages.push_back(TextPage(1, {"Facture n° 2026-118", "Lyon, le 2 mars 2026", "Jeanne Martin", "69003 Lyon",
                                   "Montant dû : 120,00 EUR"}));
  std::vector<Document> docs;
  std::vector<std::vector<int>> ranges = Split(doc, FirstPageOn(), &docs);
  bool reviewed = false;
  std::string events;
  for (const Document& d : docs) {
    for (const auto& e : d.events) events += e.message + "\n";
    reviewed |= d.status == DocStatus::kReview;
  }
  INFO(events);
  CHECK(reviewed);
  CHECK(events.find("doubtful split") != std::string::npos);
  CHECK(events.find("page 2") != std::string::npos);
}

TEST_CASE("Duplex: a split never falls between a front and its back", "[separate]") {
  // Sheet 1: a one-page letter, and on its back a copy of another letter's
  // first page (an enclosure). Sheet 2: a new letter, back blank (dropped).
  auto tray = [] {
    Document doc;
    doc.source.path = "duplex.tif";
    doc.pages.push_back(TextPage(0, FirstLines(1, true)));
    doc.pages.push_back(TextPage(1, FirstLines(2, false)));
    doc.pages.push_back(TextPage(2, FirstLines(3, true)));
    return doc;
  };
  Document simplex = tray();
  CHECK(Split(simplex, FirstPageOn()) == std::vector<std::vector<int>>{{0}, {1}, {2}});
  SplitOptions duplex = FirstPageOn();
  duplex.duplex = true;
  Document paired = tray();
  CHECK(Split(paired, duplex) == std::vector<std::vector<int>>{{0, 1}, {2}});

  // A barcode asking for a new document on a back side waits for the next front.
  SplitOptions asn;
  asn.duplex = true;
  asn.split_before = {"ASN"};
  Document doc;
  for (int i = 0; i < 6; ++i) doc.pages.push_back(TextPage(i, {}));
  doc.pages[3].barcodes = {"ASN0042"};
  CHECK(Split(doc, asn) == std::vector<std::vector<int>>{{0, 1, 2, 3}, {4, 5}});
}

TEST_CASE("first_page settings are read and checked", "[separate]") {
  auto settings = facteur::Settings::Parse("first_page: {enabled: true, threshold: 0.6, review_below: 0.9}\n", "p.yaml");
  REQUIRE(settings.has_value());
  auto options = ReadSplitOptions(*settings);
  REQUIRE(options.has_value());
  CHECK(options->first_page);
  CHECK(options->first_page_threshold == Approx(0.6));
  CHECK(options->review_below == Approx(0.9));
  auto bad = facteur::Settings::Parse("first_page: {threshold: 1.5}\n", "p.yaml");
  REQUIRE(bad.has_value());
  auto error = ReadSplitOptions(*bad);
  REQUIRE_FALSE(error.has_value());
  CHECK(error.error().message() == "p.yaml:1: first_page.threshold: must be between 0 and 1");
}
