#include "samplegen/selfcheck.h"

#include <tiffio.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <opencv2/imgcodecs.hpp>
#include <sstream>

#include "samplegen/degrade.h"
#include "samplegen/generate.h"
#include "samplegen/iban.h"
#include "samplegen/letter.h"
#include "samplegen/render.h"
#include "samplegen/writers.h"

namespace facteur::samplegen {
namespace {

int g_failures = 0;
int g_checks = 0;

void Check(bool ok, const std::string& what) {
  ++g_checks;
  if (!ok) {
    ++g_failures;
    std::printf("FAIL %s\n", what.c_str());
  }
}

std::string NoSpace(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\f' && c != '\t') out += c;
  }
  return out;
}

std::string AllLines(const std::vector<Page>& pages) {
  std::string out;
  for (const Page& p : pages) {
    for (const std::string& l : p.lines) out += l + "\n";
  }
  return out;
}

std::string ReadAll(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), {});
}

void CheckIbans() {
  Rng rng(7);
  for (int i = 0; i < 2000; ++i) {
    std::string iban = MakeFrenchIban(rng);
    Check(IbanIsValid(iban) && iban.rfind("FR76", 0) == 0 && iban.size() == 27, "generated IBAN " + iban);
    std::string bad = iban;
    bad[10] = bad[10] == '9' ? '0' : static_cast<char>(bad[10] + 1);
    Check(!IbanIsValid(bad), "one changed digit invalidates " + iban);
  }
  Check(IbanIsValid("FR14 2004 1010 0505 0001 3M02 606"), "published French example IBAN validates");
  Check(IbanIsValid("GB82 WEST 1234 5698 7654 32"), "published British example IBAN validates");
  Check(!IbanIsValid("GB82 WEST 1234 5698 7654 33"), "wrong British check fails");
  Check(!IbanIsValid("FR76-3000"), "garbage fails");
}

void CheckLetters() {
  for (const std::string& cls : kLetterClasses) {
    for (const std::string lang : {"fr", "en"}) {
      for (uint64_t seed = 1; seed <= 25; ++seed) {
        Rng a(seed), b(seed);
        ComposeOptions o{.letter_class = cls, .language = lang};
        Letter la = ComposeLetter(o, a), lb = ComposeLetter(o, b);
        std::string text = LetterText(la);
        const std::string where = cls + "/" + lang + " seed " + std::to_string(seed);
        Check(text == LetterText(lb), where + ": same seed, same letter");
        Check(text.find('{') == std::string::npos, where + ": no unfilled placeholder");
        bool has_date = false;
        for (const auto& [k, v] : la.fields) {
          if (k == "date") has_date = v.size() == 10 && v[4] == '-';
          if (k == "iban") Check(IbanIsValid(v), where + ": iban field validates");
        }
        Check(has_date, where + ": ISO date field");
        if (cls == "bank_details" || cls == "invoice") {
          Check(text.find("FR76 ") != std::string::npos, where + ": IBAN printed");
        }
      }
    }
  }
  Rng r1(1), r2(2);
  Check(LetterText(ComposeLetter({}, r1)) != LetterText(ComposeLetter({}, r2)), "different seeds differ");
}

void CheckRendering() {
  for (const std::string& font : kFonts) {
    Rng rng(3);
    Letter letter = ComposeLetter({.letter_class = "complaint", .language = "fr", .min_pages = 2}, rng);
    Letter invoice = ComposeLetter({.letter_class = "invoice", .language = "en"}, rng);
    auto invoice_pages = RenderLetter(invoice, {.dpi = 100, .font = font});
    Check(invoice_pages.has_value() && invoice_pages->size() == 1 &&
              NoSpace(AllLines(*invoice_pages)) == NoSpace(LetterText(invoice)),
          font + ": invoice table renders with its text");
    auto pages = RenderLetter(letter, {.dpi = 100, .font = font});
    Check(pages.has_value() && pages->size() == 2, font + ": two-page letter renders on 2 pages");
    if (!pages) continue;
    const std::string rendered = AllLines(*pages);
    for (const Page& p : *pages) {
      Check(p.pixels.cols == 827 && p.pixels.rows == 1169, font + ": A4 at 100 dpi is 827x1169");
    }
    Check(NoSpace(rendered) == NoSpace(LetterText(letter)), font + ": rendered lines are the letter's text");
    cv::Mat dark = (*pages)[0].pixels < 128;
    Check(cv::countNonZero(dark) > 2000, font + ": ink on the page");
  }
}

void CheckDegradations(const std::string& dir) {
  Rng rng(5);
  Letter letter = ComposeLetter({.letter_class = "bank_details", .language = "fr"}, rng);
  auto pages = RenderLetter(letter, {.dpi = 200, .header = "01/02/2026 10:00  +33 1 23  TEST  P.{page}"});
  Check(pages.has_value() && !pages->empty(), "render for degradations");
  if (!pages || pages->empty()) return;
  Check((*pages)[0].lines[0] == "01/02/2026 10:00  +33 1 23  TEST  P.01",
        "fax header is the first truth line");
  Page fax{(*pages)[0].pixels.clone(), 200, 200, {}};
  FaxTransmit(fax, 204, 98, rng);
  Check(fax.pixels.cols == 1728 && fax.dpi_y == 98, "fax page is 1728 wide at 204x98");
  Check(fax.pixels.rows == 1146, "fax A4 height at 98 dpi");
  cv::Mat gray_levels = (fax.pixels > 0) & (fax.pixels < 255);
  Check(cv::countNonZero(gray_levels) == 0, "fax page is bilevel");
  Page rot{(*pages)[0].pixels.clone(), 200, 100, {}};
  RotateQuarter(rot, 90);
  Check(rot.pixels.cols == (*pages)[0].pixels.rows && rot.dpi_x == 100, "rotate 90 swaps size and dpi");
  Page skewed{(*pages)[0].pixels.clone(), 200, 200, {}};
  Skew(skewed, 1.5);
  Check(skewed.pixels.size() == (*pages)[0].pixels.size(), "skew keeps the size");
  Check(JpegArtefacts(skewed, 20).ok(), "jpeg artefacts");
  PaperBackground(skewed, 200, 230, 250, rng);
  Check(skewed.pixels.channels() == 3, "coloured paper makes a colour page");

  const std::string tif = dir + "/selfcheck-g3.tif";
  std::vector<Page> two;
  two.push_back({fax.pixels.clone(), 204, 98, {}});
  two.push_back({fax.pixels.clone(), 204, 98, {}});
  Check(WriteTiff(tif, two, TiffCompression::kG3).ok(), "write G3 TIFF");
  TIFF* t = TIFFOpen(tif.c_str(), "r");
  Check(t != nullptr, "G3 TIFF opens");
  if (t) {
    uint16_t comp = 0;
    float xres = 0, yres = 0;
    TIFFGetField(t, TIFFTAG_COMPRESSION, &comp);
    TIFFGetField(t, TIFFTAG_XRESOLUTION, &xres);
    TIFFGetField(t, TIFFTAG_YRESOLUTION, &yres);
    Check(comp == COMPRESSION_CCITTFAX3 && xres == 204 && yres == 98, "G3 TIFF has CCITT T.4 at 204x98");
    Check(TIFFNumberOfDirectories(t) == 2, "G3 TIFF has 2 pages");
    TIFFClose(t);
  }
  const std::string png = dir + "/selfcheck.png";
  Check(WritePng(png, (*pages)[0]).ok(), "write PNG");
  cv::Mat back = cv::imread(png, cv::IMREAD_UNCHANGED);
  Check(!back.empty() && cv::countNonZero(back != (*pages)[0].pixels) == 0, "PNG reads back identical");
  const std::string pdf = dir + "/selfcheck.pdf";
  Check(WritePdf(pdf, *pages, 70).ok(), "write PDF");
  std::string bytes = ReadAll(pdf);
  Check(bytes.rfind("%PDF", 0) == 0 && bytes.find("/DCTDecode") != std::string::npos,
        "PDF embeds the page as JPEG");
  Check(bytes.find("/Font") == std::string::npos, "PDF has no text layer");
}

// The committed samples/ must be what samples.cc makes: regenerate into the
// temp folder and compare the ground truth (.txt, .json) byte for byte.
// Images are not compared: a different libjpeg or font build may change
// pixels without changing the letter.
void CheckRepositorySamples(const std::string& dir) {
  const std::string repo = std::string(FACTEUR_SOURCE_DIR) + "/samples/";
  for (const SampleSpec& spec : RepositorySamples()) {
    auto image = GenerateSample(spec, dir);
    Check(image.has_value(), spec.name + ": generates");
    for (const char* ext : {".txt", ".json"}) {
      const std::string committed = ReadAll(repo + spec.name + ext);
      Check(!committed.empty() && committed == ReadAll(dir + "/" + spec.name + ext),
            "samples/" + spec.name + ext + " matches tools/samplegen/samples.cc (rerun --samples)");
    }
  }
}

}  // namespace

int RunSelfCheck(const std::string& temp_dir) {
  CheckIbans();
  CheckLetters();
  CheckRendering();
  CheckDegradations(temp_dir);
  CheckRepositorySamples(temp_dir);
  std::printf("%d passed, %d failed\n", g_checks - g_failures, g_failures);
  return g_failures;
}

}  // namespace facteur::samplegen
