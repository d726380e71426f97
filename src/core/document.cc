#include "facteur/document.h"

namespace facteur {

const char* ChannelName(Channel c) {
  switch (c) {
    case Channel::kBatch: return "batch";
    case Channel::kFax: return "fax";
    case Channel::kFolder: return "folder";
  }
  return "batch";
}

const char* DocStatusName(DocStatus s) {
  switch (s) {
    case DocStatus::kDone: return "done";
    case DocStatus::kReview: return "review";
    case DocStatus::kDuplicate: return "duplicate";
    case DocStatus::kFailed: return "failed";
  }
  return "failed";
}

std::string Document::Text() const {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (i > 0) out += '\f';
    out += pages[i].text.text;
  }
  return out;
}

Document Document::WithoutPages() const {
  Document copy;
  copy.id = id;
  copy.source = source;
  copy.classification = classification;
  copy.fields = fields;
  copy.queues = queues;
  copy.deliveries = deliveries;
  copy.status = status;
  copy.error = error;
  copy.retryable = retryable;
  copy.duplicate_of = duplicate_of;
  copy.pdf_path = pdf_path;
  copy.events = events;
  return copy;
}

}  // namespace facteur
