#include "samplegen/generate.h"

#include <cctype>
#include <cstdio>

#include "samplegen/check.h"
#include "samplegen/degrade.h"
#include "samplegen/letter.h"
#include "samplegen/render.h"
#include "samplegen/truth.h"
#include "samplegen/writers.h"

namespace facteur::samplegen {
namespace {

const char* Extension(OutputFormat f) {
  switch (f) {
    case OutputFormat::kPng:
      return ".png";
    case OutputFormat::kJpeg:
      return ".jpg";
    case OutputFormat::kPdf:
      return ".pdf";
    default:
      return ".tif";
  }
}

std::vector<Step> ScanSteps(Rng& rng) {
  std::vector<Step> steps;
  if (rng.Chance(0.4)) steps.push_back({"paper", static_cast<double>(rng.Between(225, 245))});
  if (rng.Chance(0.25)) steps.push_back({"holes", rng.Chance(0.8) ? 2.0 : 4.0});
  double angle = rng.Uniform(0.3, 4.0) * (rng.Chance(0.5) ? 1 : -1);
  steps.push_back({"skew", static_cast<int>(angle * 10) / 10.0});
  if (rng.Chance(0.5)) steps.push_back({"blur", 0.6});
  steps.push_back({"noise", static_cast<double>(rng.Between(4, 10))});
  if (rng.Chance(0.3)) steps.push_back({"salt", 0.0005});
  if (rng.Chance(0.25)) steps.push_back({"border", static_cast<double>(rng.Between(3, 8))});
  if (rng.Chance(0.05)) steps.push_back({"rotate", 180});
  return steps;
}

// Fax machines print their station name in plain ASCII capitals.
std::string AsciiUpper(const std::string& utf8) {
  static const std::pair<const char*, char> kFold[] = {
      {"é", 'E'}, {"è", 'E'}, {"ê", 'E'}, {"ë", 'E'}, {"É", 'E'}, {"à", 'A'}, {"â", 'A'},
      {"ç", 'C'}, {"î", 'I'}, {"ï", 'I'}, {"ô", 'O'}, {"ù", 'U'}, {"û", 'U'}, {"ü", 'U'}};
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    bool folded = false;
    for (const auto& [from, to] : kFold) {
      const size_t n = std::char_traits<char>::length(from);
      if (utf8.compare(i, n, from) == 0) {
        out += to;
        i += n;
        folded = true;
        break;
      }
    }
    if (!folded) out += static_cast<char>(std::toupper(static_cast<unsigned char>(utf8[i++])));
  }
  return out;
}

// The fax header a sending machine prints: date, time, its number, its
// name (TSID) and the page number.
std::string FaxHeader(const Letter& letter, Rng& rng) {
  std::string date, name;
  for (const auto& [k, v] : letter.fields) {
    if (k == "date") date = v.substr(8, 2) + "/" + v.substr(5, 2) + "/" + v.substr(0, 4);
    if (k == "sender_name") name = v;
  }
  name = AsciiUpper(name);
  char buf[160];
  const int hour = rng.Between(8, 18), minute = rng.Below(60);
  const int a = rng.Below(100), b = rng.Below(100), c = rng.Below(100), d = rng.Below(100);
  if (letter.language == "fr") {
    std::snprintf(buf, sizeof buf, "%s %02d:%02d  +33 4 %02d %02d %02d %02d  %s  P.{page}", date.c_str(),
                  hour, minute, a, b, c, d, name.c_str());
  } else {
    std::snprintf(buf, sizeof buf, "%s %02d:%02d  +44 20 %02d%02d %02d%02d  %s  P.{page}", date.c_str(), hour,
                  minute, a, b, c, d, name.c_str());
  }
  return buf;
}

Status ApplyStep(const Step& s, Page& page, Rng& rng) {
  if (s.name == "skew")
    Skew(page, s.param);
  else if (s.name == "noise")
    GaussianNoise(page, s.param, rng, 230);
  else if (s.name == "salt")
    SaltPepper(page, s.param, rng);
  else if (s.name == "blur")
    Blur(page, s.param);
  else if (s.name == "jpeg")
    return JpegArtefacts(page, static_cast<int>(s.param));
  else if (s.name == "paper")
    PaperBackground(page, int(s.param), int(s.param), int(s.param), rng);
  else if (s.name == "paper_colour") {
    static const int kTones[3][3] = {{215, 240, 250}, {215, 228, 222}, {250, 235, 220}};  // BGR
    const int* t = kTones[static_cast<int>(s.param) % 3];
    PaperBackground(page, t[0], t[1], t[2], rng);
  } else if (s.name == "border")
    ScannerBorder(page, s.param, rng);
  else if (s.name == "holes")
    PunchHoles(page, static_cast<int>(s.param));
  else if (s.name == "rotate")
    RotateQuarter(page, static_cast<int>(s.param));
  else if (s.name == "lighting")
    UnevenLighting(page, s.param);
  else if (s.name == "fax")
    FaxTransmit(page, 204, s.param, rng);
  else if (s.name == "bilevel")
    FaxTransmit(page, page.dpi_x, page.dpi_y, rng);
  else
    return Status::InvalidArgument("unknown degradation '" + s.name + "'");
  return Status::OK();
}

// --text-only: the letter's text unwrapped (tabs as two spaces, as in the
// rendered ground truth) and its JSON, without drawing a page.
Result<std::string> WriteTextOnly(const Letter& letter, const SampleSpec& spec, const std::string& out_dir) {
  const std::string base = out_dir + "/" + spec.name;
  Page page;
  std::string text = LetterText(letter);
  for (size_t tab; (tab = text.find('\t')) != std::string::npos;) text.replace(tab, 1, "  ");
  for (size_t start = 0, nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
    page.lines.push_back(text.substr(start, nl - start));
  std::vector<Page> pages;
  pages.push_back(std::move(page));
  FACTEUR_RETURN_IF_ERROR_RESULT(WriteTruthText(base + ".txt", pages));
  FACTEUR_RETURN_IF_ERROR_RESULT(WriteTruthJson(base + ".json", letter, spec, pages, {}, base + ".txt"));
  return base + ".txt";
}

}  // namespace

Result<SampleSpec> RandomSpec(const std::string& variant, const std::string& letter_class,
                              const std::string& language, Rng& rng) {
  SampleSpec spec;
  spec.letter_class = letter_class;
  spec.language = language;
  spec.seed = rng.Next() >> 12;  // 52 bits: exact as a JSON number
  spec.font = rng.Pick(kFonts);
  spec.font_size_pt = rng.Chance(0.5) ? 11 : 12;
  spec.min_pages = rng.Chance(0.15) ? 2 : 1;
  if (variant == "clean") {
    spec.format = OutputFormat::kPng;
  } else if (variant == "scan") {
    spec.steps = ScanSteps(rng);
    const OutputFormat formats[] = {OutputFormat::kPng, OutputFormat::kTiffLzw, OutputFormat::kTiffJpeg};
    spec.format = formats[rng.Below(3)];
  } else if (variant == "turned") {
    // A sheet fed sideways or upside down, then scanned as above.
    spec.steps = ScanSteps(rng);
    std::erase_if(spec.steps, [](const Step& s) { return s.name == "rotate"; });
    const double quarters[] = {90, 180, 270};
    spec.steps.push_back({"rotate", quarters[rng.Below(3)]});
    spec.format = OutputFormat::kPng;
  } else if (variant == "pdf") {
    spec.steps = ScanSteps(rng);
    spec.format = OutputFormat::kPdf;
  } else if (variant == "fax") {
    spec.fax_header = true;
    spec.font_size_pt = 12;
    if (rng.Chance(0.5)) spec.steps.push_back({"skew", rng.Uniform(-1, 1)});
    spec.steps.push_back({"fax", rng.Chance(0.5) ? 98.0 : 196.0});
    spec.format = OutputFormat::kTiffG3;
  } else if (variant == "photo") {
    spec.steps = {{"paper_colour", static_cast<double>(rng.Below(3))},
                  {"skew", rng.Uniform(-3, 3)},
                  {"lighting", rng.Uniform(0.15, 0.35)},
                  {"blur", 0.9},
                  {"noise", 5}};
    spec.format = OutputFormat::kJpeg;
  } else if (variant == "g4") {
    spec.steps = {{"skew", rng.Uniform(-1, 1)}, {"bilevel", 0}};
    spec.format = OutputFormat::kTiffG4;
  } else {
    return Err(Status::InvalidArgument("unknown variant '" + variant +
                                       "' (want clean, scan, turned, fax, pdf, photo, g4 or mixed)"));
  }
  return spec;
}

Result<std::string> GenerateSample(const SampleSpec& spec, const std::string& out_dir) {
  Rng rng(spec.seed);
  ComposeOptions compose{
      .letter_class = spec.letter_class, .language = spec.language, .min_pages = spec.min_pages,
      .split = spec.split};
  Letter letter = ComposeLetter(compose, rng);
  if (!spec.customers_csv.empty()) FACTEUR_RETURN_IF_ERROR_RESULT(AppendCustomerRow(spec.customers_csv, letter));
  if (spec.text_only) return WriteTextOnly(letter, spec, out_dir);
  RenderOptions render{.dpi = spec.dpi,
                       .font = spec.font,
                       .font_size_pt = spec.font_size_pt,
                       .header = spec.fax_header ? FaxHeader(letter, rng) : ""};
  Result<std::vector<Page>> pages = RenderLetter(letter, render);
  if (!pages) return Err(pages.error().WithContext(spec.name));
  std::vector<std::string> applied;
  for (const Step& s : spec.steps) {
    for (Page& p : *pages) FACTEUR_RETURN_IF_ERROR_RESULT(ApplyStep(s, p, rng).WithContext(spec.name));
    applied.push_back(Describe(s.name, s.param));
  }
  const std::string base = out_dir + "/" + spec.name;
  const std::string image = base + Extension(spec.format);
  Status st;
  switch (spec.format) {
    case OutputFormat::kPng:
    case OutputFormat::kJpeg:
      for (size_t i = 0; i < pages->size() && st.ok(); ++i) {
        // Single-image formats: page 2 onwards go to NAME-p2.png and so on.
        std::string path = i == 0 ? image : base + "-p" + std::to_string(i + 1) + Extension(spec.format);
        st = spec.format == OutputFormat::kPng ? WritePng(path, (*pages)[i])
                                               : WriteJpeg(path, (*pages)[i], 55);
      }
      break;
    case OutputFormat::kTiffG3:
      st = WriteTiff(image, *pages, TiffCompression::kG3);
      break;
    case OutputFormat::kTiffG4:
      st = WriteTiff(image, *pages, TiffCompression::kG4);
      break;
    case OutputFormat::kTiffLzw:
      st = WriteTiff(image, *pages, TiffCompression::kLzw);
      break;
    case OutputFormat::kTiffJpeg:
      st = WriteTiff(image, *pages, TiffCompression::kJpeg);
      break;
    case OutputFormat::kPdf:
      st = WritePdf(image, *pages, 70);
      break;
  }
  FACTEUR_RETURN_IF_ERROR_RESULT(st);
  FACTEUR_RETURN_IF_ERROR_RESULT(WriteTruthText(base + ".txt", *pages));
  FACTEUR_RETURN_IF_ERROR_RESULT(WriteTruthJson(base + ".json", letter, spec, *pages, applied, image));
  return image;
}

}  // namespace facteur::samplegen
