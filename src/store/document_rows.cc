#include "store/document_rows.h"

#include "store/json_codec.h"
#include "store/sqlite_util.h"

namespace facteur::store {
namespace {

Result<Channel> ParseChannel(const std::string& s) {
  for (Channel c : {Channel::kBatch, Channel::kFax, Channel::kFolder}) {
    if (s == ChannelName(c)) return c;
  }
  return Err(Status::Corrupt("unknown channel '" + s + "'"));
}

Result<DocStatus> ParseStatus(const std::string& s) {
  for (DocStatus d : {DocStatus::kDone, DocStatus::kReview, DocStatus::kDuplicate, DocStatus::kFailed}) {
    if (s == DocStatusName(d)) return d;
  }
  return Err(Status::Corrupt("unknown status '" + s + "'"));
}

// Assigns a decoded value or returns its error from the enclosing function.
#define FACTEUR_ASSIGN_OR_RETURN(lhs, expr) \
  do {                                      \
    auto facteur_r_ = (expr);               \
    if (!facteur_r_) return Err(facteur_r_.error()); \
    lhs = std::move(*facteur_r_);           \
  } while (0)

// The search filters' index (schema migration 3): fields and queues.
Status InsertKeys(sqlite3* db, int64_t doc_key, const Document& doc) {
  auto insert = [&](const std::string& name, const std::string& value) {
    Statement stmt(db, "INSERT INTO document_keys (doc_key, name, value) VALUES (?,?,?)");
    stmt.Bind(doc_key).Bind(name).Bind(value);
    return stmt.Run();
  };
  for (const auto& [name, field] : doc.fields) FACTEUR_RETURN_IF_ERROR(insert(name, field.value));
  for (const std::string& queue : doc.queues) FACTEUR_RETURN_IF_ERROR(insert(":queue", queue));
  return Status::OK();
}

Status InsertPages(sqlite3* db, const Document& doc) {
  for (const Page& p : doc.pages) {
    Statement stmt(db,
                   "INSERT INTO pages (document_id, idx, source_index, width, height, dpi, is_fax, "
                   "has_text_layer, ocr_failed, mean_confidence, text, words, notes, quality_flags, blank_score) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    stmt.Bind(doc.id).Bind(p.index).Bind(p.source_index).Bind(p.width).Bind(p.height);
    stmt.Bind(p.dpi).Bind(p.is_fax).Bind(p.has_text_layer).Bind(p.ocr_failed);
    stmt.Bind(static_cast<double>(p.text.mean_confidence)).Bind(p.text.text);
    stmt.Bind(EncodeWords(p.text.words)).Bind(EncodeStrings(p.notes));
    stmt.Bind(EncodeStrings(p.quality_flags)).Bind(p.blank_score);
    Status s = stmt.Run();
    if (!s.ok()) return s.WithContext("page " + std::to_string(p.index));
  }
  return Status::OK();
}

Status ReadPages(sqlite3* db, Document* doc) {
  Statement stmt(db,
                 "SELECT idx, source_index, width, height, dpi, is_fax, has_text_layer, ocr_failed, "
                 "mean_confidence, text, words, notes, quality_flags, blank_score FROM pages WHERE document_id = ? ORDER BY idx");
  stmt.Bind(doc->id);
  for (;;) {
    Result<bool> row = stmt.Step();
    if (!row) return row.error();
    if (!*row) return Status::OK();
    Page p;
    p.index = static_cast<int>(stmt.Int(0));
    p.source_index = static_cast<int>(stmt.Int(1));
    p.width = static_cast<int>(stmt.Int(2));
    p.height = static_cast<int>(stmt.Int(3));
    p.dpi = stmt.Real(4);
    p.is_fax = stmt.Int(5) != 0;
    p.has_text_layer = stmt.Int(6) != 0;
    p.ocr_failed = stmt.Int(7) != 0;
    p.text.mean_confidence = static_cast<float>(stmt.Real(8));
    p.text.text = stmt.Text(9);
    std::string what = doc->id + " page " + std::to_string(p.index);
    auto words = DecodeWords(stmt.Text(10), what + " words");
    if (!words) return words.error();
    p.text.words = std::move(*words);
    auto notes = DecodeStrings(stmt.Text(11), what + " notes");
    if (!notes) return notes.error();
    p.notes = std::move(*notes);
    auto flags = DecodeStrings(stmt.Text(12), what + " quality_flags");
    if (!flags) return flags.error();
    p.quality_flags = std::move(*flags);
    p.blank_score = stmt.Real(13);
    doc->pages.push_back(std::move(p));
  }
}

Status ReadEvents(sqlite3* db, Document* doc) {
  Statement stmt(db, "SELECT time, stage, message FROM events WHERE document_id = ? ORDER BY seq");
  stmt.Bind(doc->id);
  for (;;) {
    Result<bool> row = stmt.Step();
    if (!row) return row.error();
    if (!*row) return Status::OK();
    doc->events.push_back({.time = stmt.Text(0), .stage = stmt.Text(1), .message = stmt.Text(2)});
  }
}

}  // namespace

Result<std::optional<std::string>> CreatedTime(sqlite3* db, const std::string& id) {
  Statement stmt(db, "SELECT created FROM documents WHERE id = ?");
  stmt.Bind(id);
  Result<bool> row = stmt.Step();
  if (!row) return Err(row.error());
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(stmt.Text(0));
}

Status DeleteDocument(sqlite3* db, const std::string& id) {
  // Children first: the FTS row is keyed by the document's doc_key.
  const char* const kSql[] = {
      "DELETE FROM documents_fts WHERE rowid IN (SELECT doc_key FROM documents WHERE id = ?)",
      "DELETE FROM document_keys WHERE doc_key IN (SELECT doc_key FROM documents WHERE id = ?)",
      "DELETE FROM pages WHERE document_id = ?",
      "DELETE FROM events WHERE document_id = ?",
      "DELETE FROM documents WHERE id = ?",
  };
  for (const char* sql : kSql) {
    Statement stmt(db, sql);
    stmt.Bind(id);
    FACTEUR_RETURN_IF_ERROR(stmt.Run());
  }
  return Status::OK();
}

Status InsertDocument(sqlite3* db, const Document& doc, const std::string& pdf_path,
                      const std::string& created, const std::string& updated) {
  const Source& src = doc.source;
  const Classification& cls = doc.classification;
  Statement stmt(db,
                 "INSERT INTO documents (id, source_path, sha256, bytes, format, channel, received, "
                 "first_page, last_page, context, class, confidence, reason, candidates, fields, "
                 "queues, status, error, duplicate_of, pdf_path, created, updated) "
                 "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  stmt.Bind(doc.id).Bind(src.path).Bind(src.sha256).Bind(src.bytes).Bind(src.format);
  stmt.Bind(ChannelName(src.channel)).Bind(src.received).Bind(src.first_page).Bind(src.last_page);
  stmt.Bind(EncodeContext(src.context)).Bind(cls.label).Bind(cls.confidence).Bind(cls.reason);
  stmt.Bind(EncodeCandidates(cls.candidates)).Bind(EncodeFields(doc.fields));
  stmt.Bind(EncodeStrings(doc.queues)).Bind(DocStatusName(doc.status)).Bind(doc.error);
  stmt.Bind(doc.duplicate_of).Bind(pdf_path).Bind(created).Bind(updated);
  FACTEUR_RETURN_IF_ERROR(stmt.Run());

  // The source column holds the file name only: folder names would make
  // every document from /scans/ match "scans".
  std::string name = src.path.substr(src.path.find_last_of('/') + 1);
  const int64_t doc_key = sqlite3_last_insert_rowid(db);
  Statement fts(db, "INSERT INTO documents_fts (rowid, text, source, label) VALUES (?,?,?,?)");
  fts.Bind(doc_key).Bind(doc.Text()).Bind(name);
  fts.Bind(cls.label);
  FACTEUR_RETURN_IF_ERROR(fts.Run());
  FACTEUR_RETURN_IF_ERROR(InsertKeys(db, doc_key, doc));

  FACTEUR_RETURN_IF_ERROR(InsertPages(db, doc));
  for (const Event& e : doc.events) FACTEUR_RETURN_IF_ERROR(InsertEvent(db, doc.id, e));
  return Status::OK();
}

Status InsertEvent(sqlite3* db, const std::string& id, const Event& event) {
  Statement stmt(db, "INSERT INTO events (document_id, time, stage, message) VALUES (?,?,?,?)");
  stmt.Bind(id).Bind(event.time).Bind(event.stage).Bind(event.message);
  return stmt.Run();
}

Result<Document> ReadDocument(sqlite3* db, const std::string& id) {
  Statement stmt(db,
                 "SELECT source_path, sha256, bytes, format, channel, received, first_page, "
                 "last_page, context, class, confidence, reason, candidates, fields, queues, "
                 "status, error, duplicate_of, pdf_path FROM documents WHERE id = ?");
  stmt.Bind(id);
  Result<bool> row = stmt.Step();
  if (!row) return Err(row.error());
  if (!*row) return Err(Status::NotFound("store: no document '" + id + "'"));

  Document doc;
  doc.id = id;
  Source& src = doc.source;
  src.path = stmt.Text(0);
  src.sha256 = stmt.Text(1);
  src.bytes = stmt.Int(2);
  src.format = stmt.Text(3);
  FACTEUR_ASSIGN_OR_RETURN(src.channel, ParseChannel(stmt.Text(4)));
  src.received = stmt.Text(5);
  src.first_page = static_cast<int>(stmt.Int(6));
  src.last_page = static_cast<int>(stmt.Int(7));
  FACTEUR_ASSIGN_OR_RETURN(src.context, DecodeContext(stmt.Text(8), id + " context"));
  doc.classification.label = stmt.Text(9);
  doc.classification.confidence = stmt.Real(10);
  doc.classification.reason = stmt.Text(11);
  FACTEUR_ASSIGN_OR_RETURN(doc.classification.candidates,
                           DecodeCandidates(stmt.Text(12), id + " candidates"));
  FACTEUR_ASSIGN_OR_RETURN(doc.fields, DecodeFields(stmt.Text(13), id + " fields"));
  FACTEUR_ASSIGN_OR_RETURN(doc.queues, DecodeStrings(stmt.Text(14), id + " queues"));
  FACTEUR_ASSIGN_OR_RETURN(doc.status, ParseStatus(stmt.Text(15)));
  doc.error = stmt.Text(16);
  doc.duplicate_of = stmt.Text(17);
  doc.pdf_path = stmt.Text(18);

  Status s = ReadPages(db, &doc);
  if (s.ok()) s = ReadEvents(db, &doc);
  if (!s.ok()) return Err(s);
  return doc;
}

}  // namespace facteur::store
