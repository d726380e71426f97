#include "route/table_sink.h"

#include <filesystem>
#include <utility>

#include "core/hash.h"
#include "facteur/store.h"
#include "route/metadata_json.h"

namespace facteur::route {
namespace {

class TableSink : public Sink {
 public:
  TableSink(std::string name, TableSinkOptions options) : name_(std::move(name)), options_(std::move(options)) {}
  std::string_view Name() const override { return name_; }

  DeliveryOutcome Deliver(const Document& doc, const Delivery& delivery, int attempt, int64_t now_ms) override {
    QueueMessage m;
    m.queue = options_.queue;
    m.document_id = doc.id;
    m.pdf_path = doc.pdf_path;
    PdfInfo pdf;
    if (!doc.pdf_path.empty()) {
      auto sha = Sha256File(doc.pdf_path);
      // The stored PDF is gone: no retry brings it back.
      if (!sha) return {DeliveryOutcome::Kind::kDead, 0, sha.error().message()};
      std::error_code ec;
      auto bytes = std::filesystem::file_size(doc.pdf_path, ec);
      pdf.file = std::filesystem::path(doc.pdf_path).filename().string();
      pdf.sha256 = *sha;
      pdf.bytes = ec ? 0 : static_cast<int64_t>(bytes);
      m.pdf_sha256 = *sha;
    }
    m.metadata = MetadataJson(doc, delivery, pdf);
    if (!store_) {
      auto store = OpenSqliteStore(options_.home);
      if (!store) return options_.retry.Failed(attempt, now_ms, store.error().message());
      store_ = std::move(*store);
    }
    Status s = store_->Enqueue(m);
    if (!s.ok()) return options_.retry.Failed(attempt, now_ms, s.message());
    return {DeliveryOutcome::Kind::kDelivered, 0, "queued in pull queue " + options_.queue};
  }

 private:
  const std::string name_;
  const TableSinkOptions options_;
  std::unique_ptr<Store> store_;  // opened on first delivery
};

}  // namespace

Result<TableSinkOptions> TableSinkOptionsFrom(const Settings& s, const std::string& home, const std::string& name) {
  TableSinkOptions o;
  o.home = home;
  auto queue = s.String("queue", name);
  if (!queue) return Err(queue.error());
  if (queue->empty()) return Err(s.Error("route: destination '" + name + "': queue must not be empty"));
  o.queue = *queue;
  auto retry = RetryPolicy::FromSettings(s);
  if (!retry) return Err(retry.error());
  o.retry = *retry;
  return o;
}

std::unique_ptr<Sink> NewTableSink(std::string name, TableSinkOptions options) {
  return std::make_unique<TableSink>(std::move(name), std::move(options));
}

}  // namespace facteur::route
