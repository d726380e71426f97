// Status and Result<T>: facteur's error path.
//
// A Status is a small value: OK, or a code plus a message that puts context
// first and cause second ("scan-0042.tif page 3: tesseract: empty page").
// Result<T> is tl::expected<T, Status>; use only the members std::expected also
// has (has_value, value, error, value_or, and_then, transform) so moving to
// C++23 means editing the alias below. Build errors with Status::X(...) and
// return them through Err(...).
//
// Thread safety: Status is a plain value; const methods may be called from
// several threads at once.
#ifndef FACTEUR_STATUS_H_
#define FACTEUR_STATUS_H_

#include <string>
#include <string_view>
#include <utility>

#include <tl/expected.hpp>

namespace facteur {

class [[nodiscard]] Status {
 public:
  // Keep the list short: callers branch on these.
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // bad flag, bad pipeline file, bad query
    kNotFound,         // no such file, document or stage
    kUnsupported,      // a format or feature we do not read
    kCorrupt,          // input that will not decode
    kIOError,          // the file system said no
    kExternal,         // Tesseract, OpenCV, SQLite, poppler... reported a failure
    kBusy,             // transient (SQLITE_BUSY, file in use): retry later
    kCancelled,        // shutting down
  };

  Status() = default;  // OK
  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) { return {Code::kInvalidArgument, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status Unsupported(std::string msg) { return {Code::kUnsupported, std::move(msg)}; }
  static Status Corrupt(std::string msg) { return {Code::kCorrupt, std::move(msg)}; }
  static Status IOError(std::string msg) { return {Code::kIOError, std::move(msg)}; }
  static Status External(std::string msg) { return {Code::kExternal, std::move(msg)}; }
  static Status Busy(std::string msg) { return {Code::kBusy, std::move(msg)}; }
  static Status Cancelled(std::string msg) { return {Code::kCancelled, std::move(msg)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "corrupt: <message>", or "OK".
  std::string ToString() const;
  // The same code with "context: " put before the message.
  Status WithContext(std::string_view context) const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// The one alias to edit for std::expected.
template <typename T>
using Result = tl::expected<T, Status>;

// return Err(Status::Corrupt("..."));
inline tl::unexpected<Status> Err(Status s) { return tl::unexpected<Status>(std::move(s)); }

}  // namespace facteur

// Early return of a non-OK Status.
#define FACTEUR_RETURN_IF_ERROR(expr)             \
  do {                                            \
    ::facteur::Status facteur_status_ = (expr);   \
    if (!facteur_status_.ok()) return facteur_status_; \
  } while (0)

#endif  // FACTEUR_STATUS_H_
