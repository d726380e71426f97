// Batch separation on corpus/separators (expected splits from the MANIFEST,
// §6) and on a generated tray. No OCR: separate.detect and separate.split
// run directly on imported pages.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "facteur/importer.h"
#include "separate/separate_stages.h"
#include "testing/corpus.h"
#include "testing/fake_run_context.h"

using facteur::Document;
using facteur::DocStatus;
using namespace facteur::separate;
using facteur::testing::CorpusPath;

namespace {

using CollectContext = facteur::testing::FakeRunContext;

// The documents `file` splits into: the first part, then the emitted ones.
std::vector<Document> Split(const std::string& file, const DetectOptions& detect = {}, const SplitOptions& split = {}) {
  auto source = facteur::OpenImport(CorpusPath("separators/" + file), facteur::ImportOptions{});
  REQUIRE(source.has_value());
  Document doc;
  doc.id = "doc";
  doc.source.path = file;
  auto stage = NewDetectStage(detect);
  auto worker = stage->NewWorker();
  REQUIRE(worker.has_value());
  for (int i = 0; i < (*source)->PageCount(); ++i) {
    auto page = (*source)->ReadPage(i);
    REQUIRE(page.has_value());
    page->index = i;
    REQUIRE((*worker)->Run(*page, doc, "/tmp").ok());
    page->image = facteur::Image();
    doc.pages.push_back(std::move(*page));
  }
  CollectContext ctx;
  REQUIRE(NewSplitStage(split)->Run(doc, ctx).ok());
  std::vector<Document> out;
  out.push_back(std::move(doc));
  for (Document& d : ctx.emitted) out.push_back(std::move(d));
  return out;
}

// 0-based pages of the original, per document.
std::vector<std::vector<int>> Ranges(const std::vector<Document>& docs) {
  std::vector<std::vector<int>> ranges;
  for (const Document& d : docs) {
    ranges.emplace_back();
    for (const auto& p : d.pages) ranges.back().push_back(p.source_index);
  }
  return ranges;
}

using Layout = std::vector<std::vector<int>>;

}  // namespace

TEST_CASE("Patch T sheets split every sample as its sheet layout says", "[separate]") {
  struct Case {
    const char* file;
    Layout parts;
  };
  const Case cases[] = {
      {"patch-code-t-middle.pdf", {{0}, {2}}},
      {"patch-code-t-middle.tiff", {{0}, {2}}},         // mixed page sizes, 300 dpi RGB
      {"patch-code-t-middle-alpha.tiff", {{0}, {2}}},   // gray + alpha
      {"patch-code-t-middle-reverse.pdf", {{0}, {2}}},  // sheet upside down
      {"patch-code-t-middle-fuzzy.pdf", {{0}, {2}}},    // blurred PATCHT barcode
      {"patch-code-t-double.pdf", {{0}, {3}}},          // two sheets in a row: still 2 documents
      {"several-patcht-codes.pdf", {{0, 1}, {3, 4}, {6}}},
      {"barcode-fax-image.pdf", {{0}, {2}}},            // real 300 dpi CCITT scan
      {"patch-code-t-middle-distorted.pdf", {{0}, {2}}},  // PATCHT Code 39 bent by a wave
  };
  for (const Case& c : cases) {
    INFO(c.file);
    std::vector<Document> docs = Split(c.file);
    CHECK(Ranges(docs) == c.parts);
    for (size_t k = 0; k < docs.size(); ++k) {
      CHECK(docs[k].id == (k == 0 ? "doc" : "doc-" + std::to_string(k + 1)));
      CHECK(docs[k].status == DocStatus::kDone);
      CHECK(docs[k].source.first_page == c.parts[k].front());
      CHECK(docs[k].source.last_page == c.parts[k].back());
      CHECK(docs[k].pages.front().index == 0);
      CHECK(docs[k].source.context["batch.part"] == std::to_string(k + 1) + "/" + std::to_string(docs.size()));
    }
  }
}

TEST_CASE("The patch T sheet is read from its bars alone", "[separate]") {
  DetectOptions patch_only;
  patch_only.barcodes = false;  // the sheet also carries a PATCHT Code 39
  std::vector<Document> docs = Split("patch-code-t-middle.pdf", patch_only);
  CHECK(Ranges(docs) == Layout{{0}, {2}});
  docs = Split("patch-code-t-middle-reverse.pdf", patch_only);
  CHECK(Ranges(docs) == Layout{{0}, {2}});
  // The fuzzy sample is a barcode only, no patch bars.
  docs = Split("patch-code-t-middle-fuzzy.pdf", patch_only);
  CHECK(Ranges(docs) == Layout{{0, 1, 2}});
}

TEST_CASE("A sheet that is nothing but a separator goes to review, kept whole", "[separate]") {
  for (const char* file : {"patch-code-t.pdf", "patch-code-t-qr.pdf"}) {
    INFO(file);
    std::vector<Document> docs = Split(file);
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].pages.size() == 1);
    CHECK(docs[0].pages[0].separator == "PATCHT");
    CHECK(docs[0].status == DocStatus::kReview);
  }
}

TEST_CASE("An unreadable separator is reported and sends the letter to review", "[separate]") {
  std::vector<Document> docs = Split("patch-code-t-middle-unreadable.pdf");
  REQUIRE(Ranges(docs) == Layout{{0, 1, 2}});  // no separator read: not split...
  CHECK(docs[0].status == DocStatus::kReview);  // ...but not silently merged either
  CHECK(docs[0].pages[1].separator.empty());  // MANIFEST: no separator is expected
  CHECK_FALSE(docs[0].pages[1].separator_problem.empty());
  CHECK(docs[0].pages[0].separator_problem.empty());
  CHECK(docs[0].pages[2].separator_problem.empty());
  bool reported = false;
  for (const auto& e : docs[0].events) reported |= e.message.find("unreadable separator") != std::string::npos;
  CHECK(reported);
}

TEST_CASE("Custom separator values split on Code 39, Code 128 and QR", "[separate]") {
  DetectOptions custom;
  custom.separators = {"CUSTOM BARCODE"};
  for (const char* file : {"barcode-39-custom.pdf", "barcode-128-custom.pdf", "barcode-qr-custom.pdf"}) {
    INFO(file);
    std::vector<Document> docs = Split(file, custom);
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].pages[0].separator == "CUSTOM BARCODE");
    // With the default PATCHT the page is an ordinary page.
    docs = Split(file);
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].pages[0].separator.empty());
    CHECK(docs[0].status == DocStatus::kDone);
  }
}

TEST_CASE("Barcodes that start a document split before their page and keep it", "[separate]") {
  SplitOptions asn;
  asn.split_before = {"ASN"};
  CHECK(Ranges(Split("split-by-asn-1.pdf", {}, asn)) == Layout{{0, 1}, {2}, {3, 4, 5}, {6, 7}, {8, 9}});
  // PATCH T on page 2 is dropped; the ASN pages stay.
  CHECK(Ranges(Split("split-by-asn-2.pdf", {}, asn)) == Layout{{0, 1}, {3}, {4}, {5, 6, 7}, {8, 9}, {10, 11}});
  SplitOptions tag;
  tag.split_before = {"TAG:"};
  CHECK(Ranges(Split("split-by-tag-basic.pdf", {}, tag)) == Layout{{0}, {1, 2}, {3, 4, 5}});
  CHECK(Ranges(Split("split-by-tag-multiple-per-page.pdf", {}, tag)) == Layout{{0}, {1, 2}, {3, 4}});
}

TEST_CASE("A barcode on the first page carries the document id", "[separate]") {
  SplitOptions id;
  id.id_prefix = "ASN";
  std::vector<Document> docs = Split("barcode-39-asn-123.pdf", {}, id);
  REQUIRE(docs.size() == 1);
  REQUIRE(docs[0].fields.count("document_id") == 1);
  CHECK(docs[0].fields["document_id"].value == "00123");
  CHECK(docs[0].pages[0].separator.empty());
}

TEST_CASE("Every N pages cuts fixed-length forms", "[separate]") {
  SplitOptions every;
  every.every = 3;
  CHECK(Ranges(Split("several-patcht-codes.pdf", {}, every)) == Layout{{0, 1}, {3, 4}, {6}});
  every.every = 1;
  CHECK(Ranges(Split("several-patcht-codes.pdf", {}, every)) == Layout{{0}, {1}, {3}, {4}, {6}});
}

TEST_CASE("A warped PATCHT barcode zxing gives up on is read by the tolerant reader", "[separate]") {
  std::vector<Document> docs = Split("patch-code-t-middle-distorted.pdf");
  REQUIRE(Ranges(docs) == Layout{{0}, {2}});
  // The separator page is gone from the parts; its reading is in the events.
  std::string events;
  for (const auto& e : docs[0].events) events += e.message + "\n";
  CHECK(events.find("page 2: separator sheet PATCHT") != std::string::npos);
  // Restricted to formats without Code 39, the sheet is not read, and it is
  // reported rather than silently merged.
  DetectOptions qr_only;
  qr_only.formats = {"qr"};
  docs = Split("patch-code-t-middle-distorted.pdf", qr_only);
  REQUIRE(Ranges(docs) == Layout{{0, 1, 2}});
  CHECK(docs[0].status == DocStatus::kReview);
  CHECK_FALSE(docs[0].pages[1].separator_problem.empty());
}

TEST_CASE("The Document Splitter sheet of many-qr-codes.pdf separates on ADAR-NEXTDOC", "[separate]") {
  DetectOptions adar;
  adar.separators = {"ADAR-NEXTDOC"};
  std::vector<Document> docs = Split("many-qr-codes.pdf", adar);
  CHECK(Ranges(docs) == Layout{{0}, {2}});
  for (const Document& d : docs) CHECK(d.status == DocStatus::kDone);
  // With the default PATCHT the sheet's codes are read as data: one
  // document, nothing unreadable to report.
  docs = Split("many-qr-codes.pdf");
  REQUIRE(Ranges(docs) == Layout{{0, 1, 2}});
  CHECK(docs[0].status == DocStatus::kDone);
  const auto& codes = docs[0].pages[1].barcodes;
  CHECK(std::find(codes.begin(), codes.end(), "ADAR-NEXTDOC") != codes.end());
  CHECK(docs[0].pages[1].separator_problem.empty());
}
