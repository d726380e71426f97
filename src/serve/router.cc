#include "serve/router.h"

#include <sstream>
#include <vector>

#include "core/clock.h"
#include "serve/html.h"
#include "serve/page_images.h"

namespace facteur::serve {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<std::string> Decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%') {
      int hi = i + 2 < s.size() ? HexDigit(s[i + 1]) : -1, lo = i + 2 < s.size() ? HexDigit(s[i + 2]) : -1;
      if (hi < 0 || lo < 0) return Err(Status::InvalidArgument("bad %-escape in the query string"));
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> parts;
  std::stringstream in(path);
  for (std::string part; std::getline(in, part, '/');) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

// "3.png" -> 2 (0-based); -1 when not N.png with N in 1..9999.
int PageIndex(const std::string& file) {
  if (file.size() < 5 || file.size() > 8 || file.compare(file.size() - 4, 4, ".png") != 0) return -1;
  std::string digits = file.substr(0, file.size() - 4);
  if (digits[0] == '0') return -1;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
  }
  return std::stoi(digits) - 1;
}

Reply FromResponse(Response r) {
  Reply reply;
  reply.status = r.status;
  reply.content_type = std::move(r.content_type);
  reply.body = std::move(r.body);
  return reply;
}

Reply Error(int status, const std::string& message) { return FromResponse(ErrorPage(status, message)); }

}  // namespace

Result<Params> ParseQuery(const std::string& raw_query) {
  Params params;
  std::stringstream in(raw_query);
  int n = 0;
  for (std::string pair; std::getline(in, pair, '&');) {
    if (pair.empty()) continue;
    if (++n > 64) return Err(Status::InvalidArgument("too many query parameters"));
    size_t eq = pair.find('=');
    Result<std::string> key = Decode(pair.substr(0, eq));
    Result<std::string> value = Decode(eq == std::string::npos ? "" : pair.substr(eq + 1));
    if (!key) return Err(key.error());
    if (!value) return Err(value.error());
    params[*key] = *value;
  }
  return params;
}

Router::Router(std::unique_ptr<Store> store, Access access) : store_(std::move(store)), access_(std::move(access)) {}

Reply Router::Handle(const Request& request) {
  std::string who;
  if (!access_.Allows(request.authorization, who)) {
    Reply reply = Error(401, "Identification requise.");
    reply.challenge = true;
    return reply;
  }
  if (request.method != "GET" && request.method != "HEAD") return Error(405, "Only GET and HEAD are served.");
  return Route(request, who);
}

Reply Router::Route(const Request& request, const std::string& who) {
  Result<Params> params = ParseQuery(request.raw_query);
  if (!params) return Error(400, params.error().message());
  std::vector<std::string> parts = Segments(request.path);
  // A path with "." or ".." segments, or a NUL, never names anything here.
  for (const std::string& p : parts) {
    if (p == "." || p == ".." || p.find('\0') != std::string::npos) return Error(404, "Page introuvable.");
  }
  if (parts.empty()) {
    std::lock_guard<std::mutex> lock(mu_);
    return FromResponse(SearchPage(*store_, *params));
  }
  if (parts.size() == 2 && parts[0] == "static" && parts[1] == "style.css") {
    Reply reply;
    reply.content_type = "text/css; charset=utf-8";
    reply.body = StyleSheet();
    reply.cache = "public, max-age=3600";
    return reply;
  }
  if (parts[0] != "doc" || parts.size() < 2 || !IsValidId(parts[1])) return Error(404, "Page introuvable.");
  const std::string& id = parts[1];
  if (parts.size() == 2) {
    std::lock_guard<std::mutex> lock(mu_);
    return FromResponse(DocumentPage(*store_, id, *params, who, request.peer));
  }
  if (parts.size() == 3 && (parts[2] == "original" || parts[2] == "pdf")) return Download(id, parts[2], who, request.peer);
  if (parts.size() == 4 && parts[2] == "page" && PageIndex(parts[3]) >= 0) return PageImage(id, parts[3], *params);
  return Error(404, "Page introuvable.");
}

// The download is journaled before a byte is sent; a download that cannot
// be journaled is refused.
Reply Router::Download(const std::string& id, const std::string& what, const std::string& who, const std::string& peer) {
  std::lock_guard<std::mutex> lock(mu_);
  Result<Document> doc = store_->Get(id);
  if (!doc) return Error(doc.error().code() == Status::Code::kNotFound ? 404 : 500, doc.error().message());
  bool pdf = what == "pdf";
  Result<std::string> path = pdf ? store_->PdfPath(id) : store_->OriginalPath(id);
  if (!path) return Error(path.error().code() == Status::Code::kNotFound ? 404 : 500, path.error().message());
  Status s = store_->AddEvent(id, {NowIso8601(), "downloaded",
                                   "web: " + what + (pdf ? "" : " sha256 " + doc->source.sha256) + " downloaded by " +
                                       who + " from " + peer});
  if (!s.ok()) return Error(500, "the download could not be journaled: " + s.message());
  Reply reply;
  reply.file_path = *path;
  std::string ext = pdf ? "pdf" : doc->source.format;
  if (!IsValidId(ext)) ext = "bin";  // a format name is a word; anything else is not trusted in a header
  reply.filename = id + (pdf ? "" : "-original") + "." + ext;
  reply.content_type = pdf || ext == "pdf" ? "application/pdf" : "application/octet-stream";
  return reply;
}

Reply Router::PageImage(const std::string& id, const std::string& file, const Params& params) {
  int index = PageIndex(file);
  int width = 240;
  auto w = params.find("w");
  if (w != params.end()) {
    try {
      width = std::stoi(w->second);
    } catch (const std::exception&) {
      return Error(400, "w must be a number of pixels");
    }
  }
  std::string pdf_path, original_path;
  int source_index = index;
  {
    std::lock_guard<std::mutex> lock(mu_);
    Result<Document> doc = store_->Get(id);
    if (!doc) return Error(doc.error().code() == Status::Code::kNotFound ? 404 : 500, doc.error().message());
    if (index >= static_cast<int>(doc->pages.size())) return Error(404, "Pas de page " + file);
    source_index = doc->pages[index].source_index;
    Result<std::string> pdf = store_->PdfPath(id);
    if (pdf) pdf_path = *pdf;
    Result<std::string> original = store_->OriginalPath(id);
    if (original) original_path = *original;
  }
  // Rendering runs outside the lock: it takes milliseconds, not the store.
  Result<std::string> png = !pdf_path.empty() ? RenderPdfPage(pdf_path, index, width)
                            : !original_path.empty() ? RenderOriginalPage(original_path, source_index, width)
                                                     : Result<std::string>(Err(Status::NotFound("no stored file")));
  if (!png) return Error(png.error().code() == Status::Code::kNotFound ? 404 : 500, png.error().message());
  Reply reply;
  reply.content_type = "image/png";
  reply.body = std::move(*png);
  reply.cache = "private, max-age=3600";
  return reply;
}

}  // namespace facteur::serve
