#include "cli/labelled_docs.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "core/files.h"
#include "facteur/store.h"

namespace facteur {
namespace {

class TextContext : public RunContext {
 public:
  TextContext(std::string dir, std::string home) : dir_(std::move(dir)), home_(std::move(home)) {}
  const std::string& WorkDir() const override { return dir_; }
  const std::string& Home() const override { return home_; }
  void Emit(Document) override {}  // text documents are never split

 private:
  std::string dir_;
  const std::string home_;
};

bool TextStage(std::string_view name) {
  return name.substr(0, 8) == "classify" || name.substr(0, 7) == "extract" || name.substr(0, 5) == "match";
}

Document TextDocument(Pipeline& pipeline, const LabelledFile& f, const std::string& work_dir,
                      const std::string& home) {
  Document doc;
  doc.id = f.text;
  doc.source.path = f.text;
  auto text = ReadFile(f.text);
  if (!text) {
    doc.status = DocStatus::kFailed;
    doc.error = text.error().message();
    return doc;
  }
  Page page;
  page.text.text = *text;
  page.has_text_layer = true;
  doc.pages.push_back(std::move(page));
  TextContext ctx(work_dir, home);
  for (auto& stage : pipeline.after_pages) {
    if (!TextStage(stage->Name()) || !stage->AppliesTo(doc)) continue;
    if (Status st = stage->Run(doc, ctx); !st.ok()) {
      doc.status = DocStatus::kFailed;
      doc.error = f.text + ": " + st.message();
      break;
    }
  }
  return doc;
}

// The record and each page's text, without the page images.
Document TextCopy(const Document& doc) {
  Document copy = doc.WithoutPages();
  for (const Page& p : doc.pages) {
    Page page;
    page.index = p.index;
    page.text = p.text;
    copy.pages.push_back(std::move(page));
  }
  return copy;
}

}  // namespace

Result<std::vector<Document>> ProcessLabelled(Pipeline& pipeline, const std::vector<LabelledFile>& files,
                                              const LabelledRunOptions& options) {
  const std::string home = (std::filesystem::temp_directory_path() /
                            ("facteur-labelled-" + std::to_string(::getpid()))).string();
  if (Status st = MakeDirs(home); !st.ok()) return Err(st);
  // Text documents get the same home as images (the store folder), so the
  // match.customer stage reads the same (possibly empty) customer directory.
  if (!options.customers.empty()) {
    auto dir = OpenSqliteCustomers(home + "/store");
    if (!dir) return Err(dir.error());
    if (Status st = (*dir)->Put(options.customers); !st.ok()) return Err(st);
  }
  std::vector<Document> docs(files.size());
  std::vector<InputFile> inputs;
  std::map<std::string, size_t> slot;  // image path -> index in files
  for (size_t i = 0; i < files.size(); ++i) {
    const LabelledFile& f = files[i];
    if (!f.image.empty() && (!options.use_text || f.text.empty())) {
      inputs.push_back(InputFile{.path = f.image, .channel = Channel::kBatch, .context = {}});
      slot[f.image] = i;
    } else {
      docs[i] = TextDocument(pipeline, f, home, home + "/store");
    }
  }
  if (!inputs.empty()) {
    auto store = OpenSqliteStore(home + "/store");
    if (!store) return Err(store.error());
    RunOptions run;
    run.jobs = options.jobs;
    run.home = home + "/store";
    run.work_dir = home + "/work";
    auto runner = PipelineRunner::Start(pipeline, **store, run);
    if (!runner) return Err(runner.error());
    size_t done = 0;
    auto summary = (*runner)->Run(
        inputs,
        [&](const Document& doc) {
          auto it = slot.find(doc.source.path);
          // A split letter gives several documents: the first one stands for the file.
          if (it != slot.end() && docs[it->second].id.empty() && docs[it->second].error.empty())
            docs[it->second] = TextCopy(doc);
          if (options.progress) std::fprintf(stderr, "\r%zu/%zu images ", ++done, inputs.size());
        },
        [](int, int) {});
    if (options.progress) std::fprintf(stderr, "\n");
    if (!summary) return Err(summary.error());
  }
  (void)RemoveTree(home);
  return docs;
}

}  // namespace facteur
