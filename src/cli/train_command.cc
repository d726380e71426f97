// facteur train: trains the text classifier from labelled folders.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "classify/labelled_set.h"
#include "classify/text_model.h"
#include "cli/commands.h"
#include "cli/labelled_docs.h"
#include "core/files.h"

namespace facteur {
namespace {

const char kHelp[] = R"(usage: facteur train --out FILE [options] DIR...

Trains the text classifier of the `classify` stage from labelled folders and
writes it to FILE (atomically: a crash leaves the old model in place).
Labels come from NAME.json sidecars with a "class" key (as facteur-samplegen
writes them) and from manifest.tsv files (`path<TAB>class` per line).
A share of each class is held apart to calibrate the confidence; the model
file records the training and calibration figures.

Text: the ground-truth NAME.txt when there is one, else the OCR text of the
image through the pipeline's import and OCR stages. --ocr uses the OCR text of
every image, ground truth or not (slower; trains on OCR noise).

options:
  --out FILE          model file to write (e.g. models/default.model)
  --algorithm A       logistic (default) or naive_bayes
  --holdout PERCENT   share of each class held apart for calibration (default 20)
  --min-df N          a feature must appear in N training texts (default 2)
  --max-features N    vocabulary size cap (default 20000)
  --epochs N          logistic: passes over the training set (default 12)
  --l2 X              logistic: weight decay (default 1e-5); larger = smoother,
                      less sure of rare wordings
  --seed N            shuffling and hold-out draw (default 1)
  --ocr               OCR every image instead of reading its ground truth
  --save-ocr DIR      also write the OCR texts to DIR (NAME.txt + manifest.tsv),
                      a labelled text folder later runs can train on without OCR
  --pipeline FILE     pipeline for OCR (default: pipelines/default.yaml)
  --jobs N            OCR workers (default: all cores)
  -h, --help          this help

example:
  build/tools/facteur-samplegen --text-only --split train --count 3600 --out /tmp/train
  facteur train --out models/default.model /tmp/train
)";

std::string Today() {
  char buf[32];
  std::time_t t = std::time(nullptr);
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&t));
  return buf;
}

// Writes `texts` from index `first` on (the OCR'd ones) to `dir` as
// NAME.txt, listed with their class in dir/manifest.tsv.
Status SaveOcrTexts(const std::vector<LabelledText>& texts, size_t first, const std::string& dir) {
  if (Status st = MakeDirs(dir); !st.ok()) return st;
  std::ofstream manifest(dir + "/manifest.tsv", std::ios::binary | std::ios::trunc);
  manifest << "# OCR text of labelled images, written by facteur train --save-ocr\n";
  for (size_t i = first; i < texts.size(); ++i) {
    const std::string name = std::filesystem::path(texts[i].origin).stem().string() + ".txt";
    std::ofstream out(dir + "/" + name, std::ios::binary | std::ios::trunc);
    out << texts[i].text;
    out.close();
    if (!out) return Status::IOError(dir + "/" + name + ": cannot write");
    manifest << name << "\t" << texts[i].label << "\n";
  }
  manifest.close();
  if (!manifest) return Status::IOError(dir + "/manifest.tsv: cannot write");
  return Status::OK();
}

}  // namespace

int TrainCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("train", args,
                   {{"out", true}, {"algorithm", true}, {"holdout", true}, {"min-df", true}, {"max-features", true},
                    {"epochs", true}, {"l2", true}, {"seed", true}, {"ocr", false}, {"save-ocr", true}, {"pipeline", true}, {"jobs", true}},
                   kHelp, flags, code))
    return code;
  if (!flags.Has("out")) return ReportError("train", Status::InvalidArgument("--out FILE is required (see --help)"));
  if (flags.positional().empty())
    return ReportError("train", Status::InvalidArgument("give at least one labelled folder (see --help)"));
  TrainOptions options;
  options.algorithm = flags.Get("algorithm", options.algorithm);
  auto holdout = flags.GetInt("holdout", 20, 1, 90);
  auto min_df = flags.GetInt("min-df", options.min_df, 1, 1000);
  auto max_features = flags.GetInt("max-features", options.max_features, 100, 1000000);
  auto epochs = flags.GetInt("epochs", options.epochs, 1, 1000);
  auto seed = flags.GetInt("seed", 1, 0, 1L << 40);
  auto jobs = flags.GetInt("jobs", 0, 1, 256);
  for (const auto* r : {&holdout, &min_df, &max_features, &epochs, &seed, &jobs})
    if (!*r) return ReportError("train", r->error());
  options.min_df = static_cast<int>(*min_df);
  options.max_features = static_cast<int>(*max_features);
  options.epochs = static_cast<int>(*epochs);
  options.seed = static_cast<uint64_t>(*seed);
  if (flags.Has("l2")) {
    char* end = nullptr;
    const std::string l2 = flags.Get("l2");
    options.l2 = std::strtod(l2.c_str(), &end);
    if (l2.empty() || *end != '\0' || !(options.l2 >= 0) || options.l2 > 1)
      return ReportError("train", Status::InvalidArgument("--l2 must be a number between 0 and 1, not '" + l2 + "'"));
  }

  auto files = LoadLabelledFolders(flags.positional());
  if (!files) return ReportError("train", files.error());
  if (files->empty()) return ReportError("train", Status::InvalidArgument("no labelled files found (NAME.json or manifest.tsv)"));
  std::vector<LabelledText> texts;
  std::vector<LabelledFile> to_ocr;
  for (const LabelledFile& f : *files) {
    if (!f.text.empty() && (!flags.Has("ocr") || f.image.empty())) {
      auto text = ReadFile(f.text);
      if (!text) return ReportError("train", text.error());
      texts.push_back({*text, f.label, f.text});
    } else {
      to_ocr.push_back(f);
    }
  }
  if (!to_ocr.empty()) {
    auto pipeline_path = PipelinePath(flags);
    if (!pipeline_path) return ReportError("train", pipeline_path.error());
    auto pipeline = LoadPipeline(*pipeline_path);
    if (!pipeline) return ReportError("train", pipeline.error());
    std::fprintf(stderr, "facteur train: OCR of %zu image(s)...\n", to_ocr.size());
    const size_t first_ocr = texts.size();
    auto docs = ProcessLabelled(*pipeline, to_ocr, {.jobs = static_cast<int>(*jobs), .customers = {}});
    if (!docs) return ReportError("train", docs.error());
    for (size_t i = 0; i < docs->size(); ++i) {
      if ((*docs)[i].status == DocStatus::kFailed) {
        std::fprintf(stderr, "facteur train: skipped %s: %s\n", to_ocr[i].image.c_str(), (*docs)[i].error.c_str());
        continue;
      }
      texts.push_back({(*docs)[i].Text(), to_ocr[i].label, to_ocr[i].image});
    }
    if (flags.Has("save-ocr"))
      if (Status st = SaveOcrTexts(texts, first_ocr, flags.Get("save-ocr")); !st.ok())
        return ReportError("train", st);
  }

  // Hold apart a share of each class, drawn with the seed.
  std::mt19937_64 rng(options.seed);
  std::shuffle(texts.begin(), texts.end(), rng);
  std::map<std::string, int> per_class, taken;
  for (const LabelledText& t : texts) per_class[t.label]++;
  std::vector<LabelledText> train, calibration;
  for (LabelledText& t : texts) {
    const int want = std::max(1, static_cast<int>(per_class[t.label] * *holdout / 100));
    (taken[t.label]++ < want && per_class[t.label] > 1 ? calibration : train).push_back(std::move(t));
  }
  auto model = TrainTextModel(train, calibration, options);
  if (!model) return ReportError("train", model.error());
  char l2[32];
  std::snprintf(l2, sizeof l2, "%g", options.l2);
  model->metrics.insert(model->metrics.begin(), {{"trained", Today()},
                                                 {"text", flags.Has("ocr") ? "ocr" : "ground truth"},
                                                 {"epochs", std::to_string(options.epochs)},
                                                 {"l2", l2}});
  if (Status st = SaveTextModel(*model, flags.Get("out")); !st.ok()) return ReportError("train", st);
  std::printf("facteur train: %s model, %zu classes, %zu features -> %s\n", model->algorithm.c_str(),
              model->classes.size(), model->vocabulary.size(), flags.Get("out").c_str());
  for (const auto& [name, value] : model->metrics) std::printf("  %-24s %s\n", name.c_str(), value.c_str());
  std::printf("  %-24s %.4f\n  %-24s %.4f\n", "temperature", model->temperature, "max_confidence",
              model->max_confidence);
  return 0;
}

}  // namespace facteur
