// Batch separation: one scanned stack in, one document per letter out.
//
//  - separate.detect (page stage, first among the page stages so it sees the
//    page as scanned): finds Kodak patch codes and barcodes on each page and
//    records them on the Page (barcodes, separator, separator_problem).
//  - separate.split (document stage, before output.pdf so each part gets its
//    own PDF): cuts the document at separator pages (dropped from the parts,
//    kept in the original), at blank separator sheets, at barcodes that start
//    a document, or every N pages; the first part stays the current
//    document, the others go to RunContext::Emit with ids "<id>-2", "<id>-3"...
// The decision is taken per page in detect because the runner releases page
// images before document stages run.
#ifndef FACTEUR_SEPARATE_SEPARATE_STAGES_H_
#define FACTEUR_SEPARATE_SEPARATE_STAGES_H_

#include <memory>
#include <string>
#include <vector>

#include "facteur/settings.h"
#include "facteur/stage.h"

namespace facteur::separate {

struct DetectOptions {
  // Values that make a page a separator sheet: patch code names ("PATCHT",
  // "PATCH2"...) and barcode texts, matched exactly. Default: patch T sheets
  // and PATCHT barcodes.
  std::vector<std::string> separators = {"PATCHT"};
  bool patch_codes = true;   // look for Kodak patch bars
  bool barcodes = true;      // read barcodes (zxing, then code39_rows.h for warped Code 39)
  std::vector<std::string> formats;  // barcode formats; empty = code39, code128, qr
  double min_patch_mm = 15;  // shortest patch bars accepted
  // A page with barcode-like bars that decode to nothing is reported
  // (Page::separator_problem): its document goes to review instead of two
  // letters being merged silently. False alarms cost a review, not a merge.
  bool report_unreadable = true;
};

struct SplitOptions {
  // Blank pages (dropped by cleanup.blank before document stages) separate
  // letters. With `duplex`, only a blank sheet (both sides blank) separates;
  // a lone blank back side does not.
  bool blank_separates = false;
  // The tray was scanned duplex: source pages 0/1, 2/3... are the front and
  // back of one sheet. A document never starts on a back side whose front
  // it follows (a cut asked for there waits for the next front), and the
  // back of a separator sheet is dropped with it. Blank backs are dropped
  // by cleanup.blank before this stage; written ones stay with their front.
  bool duplex = false;
  int every = 0;  // > 0: also cut every N pages (fixed-length forms)
  // A page with a barcode starting with one of these starts a new document
  // and stays in it (paperless's ASN / TAG splitting), e.g. [ASN, "TAG:"].
  std::vector<std::string> split_before;
  // A barcode starting with `id_prefix` on a part's first page gives
  // fields[id_field] (the text after the prefix). "" = off.
  std::string id_prefix;
  std::string id_field = "document_id";
  // First-page detection (first_page.h), for trays without separator
  // sheets: a page scoring at least `first_page_threshold` starts a new
  // document. Each part gets a split confidence, the least sure of the
  // decisions that made it (its own start and each page kept in it), in
  // source.context["batch.split_confidence"]; a part below `review_below`
  // goes to review naming the doubtful page. Needs OCR text, so the stage
  // runs after OCR. Off by default: separator sheets are surer. A lower
  // threshold cuts more (merges fewer letters, splits more attachments).
  bool first_page = false;
  double first_page_threshold = 0.5;
  double review_below = 0.8;
};

Result<DetectOptions> ReadDetectOptions(const Settings& settings);
Result<SplitOptions> ReadSplitOptions(const Settings& settings);
std::unique_ptr<PageStage> NewDetectStage(DetectOptions options);
std::unique_ptr<DocumentStage> NewSplitStage(SplitOptions options);

}  // namespace facteur::separate

#endif  // FACTEUR_SEPARATE_SEPARATE_STAGES_H_
