// facteur-samplegen: renders realistic mailroom letters and degrades them
// like a scanner or fax. See Usage() below, samples/README.md.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/strings.h"
#include "samplegen/generate.h"
#include "samplegen/letter.h"
#include "samplegen/selfcheck.h"
#include "samplegen/tray.h"

namespace fs = std::filesystem;
using namespace facteur::samplegen;

namespace {

void Usage(FILE* out) {
  std::fprintf(out,
               "usage: facteur-samplegen --out DIR [--seed N] [--count N] [--classes a,b]\n"
               "                         [--lang fr|en|both] [--variant V] [--dpi 200|300]\n"
               "                         [--split train|eval] [--text-only]\n"
               "       facteur-samplegen --samples --out DIR   (the repository's samples/ set)\n"
               "       facteur-samplegen --selfcheck           (exit 1 if a check fails)\n"
               "       facteur-samplegen --trays N --out DIR [--count LETTERS] [--seed N] [--lang L]\n"
               "                         (scanned duplex trays without separator sheets: tray-NN.tif\n"
               "                         and tray-NN.truth.tsv, see tools/samplegen/tray.h)\n"
               "\n"
               "Writes NAME.{png,jpg,tif,pdf} with NAME.txt (ground-truth text, pages separated\n"
               "by form feeds) and NAME.json (class, language, pages, degradations, fields).\n"
               "  --seed N      same seed, same files (default 1)\n"
               "  --count N     number of letters (default 10)\n"
               "  --classes     comma list from: termination, complaint, address_change,\n"
               "                bank_details, claim, order, invoice, information_request\n"
               "                (default all)\n"
               "  --lang        fr, en or both (default both)\n"
               "  --variant     clean (PNG), scan (skew 0.3-4 deg, noise...; PNG or TIFF LZW/JPEG),\n"
               "                turned (a scan fed sideways or upside down: 90/180/270),\n"
               "                fax (G3 TIFF 204x98 or 204x196 with header), pdf (scanned PDF),\n"
               "                photo (colour JPEG), g4 (bilevel G4 TIFF) or mixed (default)\n"
               "  --dpi         render resolution before degradation (default 200)\n"
               "  --split       train or eval: disjoint sets of wordings (subjects, openings,\n"
               "                paragraphs, salutations, closings), so an evaluation corpus\n"
               "                has templates no training letter has (default: all wordings)\n"
               "  --text-only   write NAME.txt and NAME.json only, no image (fast: for training)\n"
               "  --classes may also name `other`: letters that fit no class (thanks,\n"
               "                invitations, applications)\n"
               "Also writes DIR/customers.csv, the letters' customers (for\n"
               "`facteur eval --customers` and `facteur customers import`).\n");
}

bool Known(const std::string& cls) {
  if (cls == kOtherClass) return true;
  for (const std::string& c : kLetterClasses) {
    if (c == cls) return true;
  }
  return false;
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "facteur-samplegen: %s\n", message.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) try {
  std::string out, lang = "both", variant = "mixed", split;
  bool text_only = false;
  uint64_t seed = 1;
  int count = 10, dpi = 200;
  std::vector<std::string> classes = kLetterClasses;
  bool samples = false, selfcheck = false;
  int trays = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "facteur-samplegen: %s needs a value\n", arg.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--help" || arg == "-h") {
      Usage(stdout);
      return 0;
    } else if (arg == "--out") {
      out = value();
    } else if (arg == "--seed") {
      seed = std::strtoull(value().c_str(), nullptr, 10);
    } else if (arg == "--count") {
      count = std::atoi(value().c_str());
    } else if (arg == "--classes") {
      classes = facteur::Split(value(), ',');
    } else if (arg == "--lang") {
      lang = value();
    } else if (arg == "--variant") {
      variant = value();
    } else if (arg == "--dpi") {
      dpi = std::atoi(value().c_str());
    } else if (arg == "--split") {
      split = value();
    } else if (arg == "--text-only") {
      text_only = true;
    } else if (arg == "--samples") {
      samples = true;
    } else if (arg == "--trays") {
      trays = std::atoi(value().c_str());
    } else if (arg == "--selfcheck") {
      selfcheck = true;
    } else {
      Usage(stderr);
      return Fail("unknown argument '" + arg + "'");
    }
  }
  if (selfcheck) {
    fs::path dir = fs::temp_directory_path() / ("facteur-samplegen-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    int failures = RunSelfCheck(dir.string());
    fs::remove_all(dir);
    return failures == 0 ? 0 : 1;
  }
  if (out.empty()) return Fail("--out DIR is required (see --help)");
  if (lang != "fr" && lang != "en" && lang != "both") return Fail("--lang must be fr, en or both");
  if (!split.empty() && split != "train" && split != "eval") return Fail("--split must be train or eval");
  if (count < 1) return Fail("--count must be at least 1");
  if (dpi < 72 || dpi > 600) return Fail("--dpi must be between 72 and 600");
  for (const std::string& c : classes) {
    if (!Known(c)) return Fail("unknown class '" + c + "' (see --help)");
  }
  fs::create_directories(out);
  if (trays > 0) {
    for (int t = 1; t <= trays; ++t) {
      char name[32];
      std::snprintf(name, sizeof name, "tray-%02d", t);
      TraySpec spec{.name = name, .seed = seed * 1000 + static_cast<uint64_t>(t), .letters = count, .dpi = dpi,
                    .language = lang};
      auto path = GenerateTray(spec, out);
      if (!path) return Fail(path.error().ToString());
      std::printf("%s\n", path->c_str());
    }
    return 0;
  }
  // A fresh customer directory per run: the letters' senders and clients.
  std::string customers_csv;
  if (!samples) {
    customers_csv = (fs::path(out) / "customers.csv").string();
    fs::remove(customers_csv);
  }

  std::vector<SampleSpec> specs;
  if (samples) {
    specs = RepositorySamples();
  } else {
    Rng rng(seed);
    static const std::vector<std::string> kMixed = {"clean", "scan", "scan", "fax", "pdf", "photo", "g4"};
    for (int i = 0; i < count; ++i) {
      const std::string& cls = classes[i % classes.size()];
      std::string l = lang == "both" ? (rng.Chance(0.5) ? "fr" : "en") : lang;
      std::string v = variant == "mixed" ? rng.Pick(kMixed) : variant;
      auto spec = RandomSpec(v, cls, l, rng);
      if (!spec) return Fail(spec.error().message());
      char name[128];
      std::snprintf(name, sizeof name, "%04d-%s-%s-%s", i + 1, l.c_str(), cls.c_str(), text_only ? "text" : v.c_str());
      spec->name = name;
      spec->split = split;
      spec->text_only = text_only;
      spec->dpi = dpi;
      spec->customers_csv = customers_csv;
      specs.push_back(*spec);
    }
  }
  for (const SampleSpec& spec : specs) {
    auto path = GenerateSample(spec, out);
    if (!path) return Fail(path.error().ToString());
    std::printf("%s\n", path->c_str());
  }
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "facteur-samplegen: %s\n", e.what());
  return 1;
}
