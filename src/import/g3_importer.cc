#include "import/g3_importer.h"

#include <cctype>
#include <fstream>
#include <iterator>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "import/ccitt_decoder.h"
#include "import/page_util.h"

namespace facteur {
namespace {

constexpr int kFaxWidth = 1728;
constexpr int kNormalRowsLimit = 1400;
// A raw G3 page of this size is not a fax; refuse before reading it whole.
constexpr std::streamoff kMaxBytes = 64 << 20;

class G3Source : public PageSource {
 public:
  G3Source(std::vector<uint8_t> bytes, const ImportOptions& options)
      : bytes_(std::move(bytes)), options_(options) {}

  std::string Format() const override { return "g3"; }
  int PageCount() const override { return 1; }

  Result<Page> ReadPage(int index) override {
    return import::ReadPageChecked(index, 1, [&] { return Decode(); });
  }

 private:
  Result<Page> Decode() {
    CcittParams params;
    params.width = kFaxWidth;
    params.compression = 3;
    Result<Image> image = DecodeCcitt(bytes_, params);
    if (!image) return Err(image.error());
    const double xdpi = 204, ydpi = image->height() < kNormalRowsLimit ? 98 : 196;
    int64_t w = 0, h = 0;
    import::NormalisedSize(image->width(), image->height(), 1, xdpi, ydpi, options_, &w, &h);
    if (Status s = import::CheckPixelLimit(w, h, options_); !s.ok()) return Err(s);
    cv::Mat mat = cv::Mat(image->height(), image->width(), CV_8UC1, image->data()).clone();
    Page page = import::MakePage(0, std::move(mat), xdpi, ydpi, true, true, options_);
    page.notes.insert(page.notes.begin(), "import: raw G3, assumed 1728 px wide, MSB first, 1-D, 204x" +
                                              import::FormatDpi(ydpi) + " dpi");
    return page;
  }

  const std::vector<uint8_t> bytes_;
  const ImportOptions options_;
};

class G3Importer : public Importer {
 public:
  std::string_view Name() const override { return "g3"; }
  int Score(std::string_view path, std::span<const uint8_t>) const override {
    if (path.size() < 3) return 0;
    std::string ext(path.substr(path.size() - 3));
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".g3" ? 10 : 0;
  }
  Result<std::unique_ptr<PageSource>> Open(const std::string& path,
                                           const ImportOptions& options) const override {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return Err(Status::IOError("cannot open for reading"));
    const std::streamoff size = in.tellg();
    if (size <= 0) return Err(Status::Corrupt("empty file"));
    if (size > kMaxBytes) return Err(Status::Unsupported("too large for a raw G3 fax page"));
    in.seekg(0);
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
    return std::unique_ptr<PageSource>(std::make_unique<G3Source>(std::move(bytes), options));
  }
};

}  // namespace

std::unique_ptr<Importer> NewG3Importer() { return std::make_unique<G3Importer>(); }

}  // namespace facteur
