// Document and Page: the values a pipeline passes from stage to stage.
//
// Plain structs with public fields (no invariants to guard). Page::image is
// move-only, so Page and Document are movable, not copyable: copy a document's
// record with WithoutPages(). The runner releases each page's image as soon as
// the page's work is done, so memory stays bounded on large batches.
//
// Thread safety: none; a Document is owned by one thread at a time. Page
// workers get one Page each and never touch the Document's other pages.
#ifndef FACTEUR_DOCUMENT_H_
#define FACTEUR_DOCUMENT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "facteur/image.h"

namespace facteur {

// How a piece of mail reached us.
enum class Channel { kBatch, kFax, kFolder };
const char* ChannelName(Channel c);

// Where a document came from: the original file and its capture context.
struct Source {
  std::string path;          // as given on the command line or found in a folder
  std::string sha256;        // of the original bytes, lower-case hex
  int64_t bytes = 0;
  std::string format;        // "tiff", "pdf", "png", "jpeg", "bmp", "pnm", "g3"
  Channel channel = Channel::kBatch;
  std::string received;      // ISO 8601 UTC, e.g. "2026-11-22T17:41:00Z"
  int first_page = 0;        // 0-based page range of this document in the
  int last_page = -1;        // original (inclusive); -1 = to the end
  std::map<std::string, std::string> context;  // batch id, operator, fax CSID...
};

// One recognised word, in the page image's pixel coordinates.
struct WordBox {
  std::string text;
  int x = 0, y = 0, w = 0, h = 0;
  float confidence = 0;  // 0..100, Tesseract's scale
};

struct PageText {
  std::string text;              // UTF-8, reading order, lines separated by '\n'
  std::vector<WordBox> words;
  float mean_confidence = -1;    // 0..100; -1 when nothing was recognised
  int recovered_blocks = 0;      // regions the layout had dropped, read again (not stored)
};

struct Page {
  int index = 0;          // 0-based position in the document
  int source_index = 0;   // 0-based page number in the original file
  Image image;            // decoded, normalised pixels, as displayed and archived
                          // (orientation corrected); empty once released
  Image ocr_image;        // the enhanced copy OCR reads, when a cleanup step made
                          // one (same size and geometry as `image`); else OCR reads `image`
  int width = 0;          // pixel size and resolution after normalisation,
  int height = 0;         // kept after the image is released
  double dpi = 0;
  bool dpi_assumed = false;  // the file stated no usable resolution: dpi is
                             // import.fallback_dpi, and OCR measures the letters instead
  bool is_fax = false;    // fax resolution or CCITT compression
  bool has_text_layer = false;  // text came from the PDF itself, not OCR
  PageText text;
  std::string pdf_path;   // one-page searchable PDF made for this page (work dir)
  bool ocr_failed = false;
  bool blank = false;     // a blank page (e.g. a duplex back side): dropped from the
                          // document by the runner, still in the original
  double blank_score = -1;  // 0 = surely blank .. 1 = surely not; -1 = not measured
  std::vector<std::string> quality_flags;  // "too dark", "low OCR confidence": the
                                           // document goes to review
  std::vector<std::string> notes;  // what each stage did, "import: fax 204x98 -> 204x204"
  // Batch separation (separate.detect, read before cleanup changes the page):
  std::vector<std::string> barcodes;  // every barcode value read on the page, in reading order
  std::string separator;  // "PATCHT", "PATCH2"... or the barcode value that made this page
                          // a separator sheet; "" when it is not one
  std::string separator_problem;  // "" or why a separator-like mark could not be read
                                  // ("barcode-like bars that do not decode"): the part goes to review
};

struct Candidate {
  std::string label;
  double confidence = 0;
};

struct Classification {
  std::string label;        // "" until classified; "other" when nothing fits
  double confidence = 0;    // 0..1
  std::string reason;       // readable evidence: "rule 'termination': 3 keywords"
  std::vector<Candidate> candidates;  // best first, at most 3
};

// A rectangle in a page image's pixel coordinates.
struct Box {
  int x = 0, y = 0, w = 0, h = 0;
  bool empty() const { return w <= 0 || h <= 0; }
};

// A fact read from a document (src/extract): "iban", "date", "customer"...
struct Field {
  std::string value;      // normalised (ISO date, compact IBAN, E.164 phone)
  std::string printed;    // as printed on the page ("HAB 5521 09"); "" = as `value`
  double confidence = 0;  // 0..1
  int page = -1;          // 0-based page it was read on; -1 = not from a page
  Box box;                // where it is printed on that page, from the OCR word
                          // boxes; empty when the words were not located
};

// One destination a document is routed to (set by the `route` stage; the
// store keeps one outbox row per (document, destination), see store.h).
struct Delivery {
  std::string destination;  // queue name, e.g. "crm-complaints"
  int priority = 0;         // higher is delivered first
  std::string due;          // ISO 8601 UTC deadline (SLA from the received time); "" = none
};

enum class DocStatus { kDone, kReview, kDuplicate, kFailed };
const char* DocStatusName(DocStatus s);

// A timestamped processing event ("import", "ocr", "classify", "store"...).
struct Event {
  std::string time;   // ISO 8601 UTC
  std::string stage;
  std::string message;
};

struct Document {
  std::string id;
  Source source;
  std::vector<Page> pages;
  Classification classification;
  std::map<std::string, Field> fields;
  std::vector<std::string> queues;
  std::vector<Delivery> deliveries;  // one per queue, same order (added by issue 5)
  DocStatus status = DocStatus::kDone;
  std::string error;         // one line naming the file and the problem
  bool retryable = false;    // failed for a reason that may pass by itself (store
                             // busy, disk full): the same file may be tried again
  std::string duplicate_of;  // id of the stored document, when kDuplicate
  std::string pdf_path;      // the document's searchable PDF (work dir, then store)
  std::vector<Event> events;

  // The pages' text in order, separated by form feeds.
  std::string Text() const;
  // A copy of everything but the pages.
  Document WithoutPages() const;
};

}  // namespace facteur

#endif  // FACTEUR_DOCUMENT_H_
