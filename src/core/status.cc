#include "facteur/status.h"

namespace facteur {
namespace {

const char* CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk: return "OK";
    case Status::Code::kInvalidArgument: return "invalid argument";
    case Status::Code::kNotFound: return "not found";
    case Status::Code::kUnsupported: return "unsupported";
    case Status::Code::kCorrupt: return "corrupt";
    case Status::Code::kIOError: return "I/O error";
    case Status::Code::kExternal: return "external";
    case Status::Code::kBusy: return "busy";
    case Status::Code::kCancelled: return "cancelled";
  }
  return "unknown";
}

}  // namespace

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(CodeName(code_)) + ": " + message_;
}

Status Status::WithContext(std::string_view context) const {
  if (ok()) return *this;
  return Status(code_, std::string(context) + ": " + message_);
}

}  // namespace facteur
