#include "serve/page_images.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <sstream>

#include <Poco/Checksum.h>
#include <Poco/DeflatingStream.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include "facteur/importer.h"

namespace facteur::serve {
namespace {

void Put32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}

void Chunk(std::string& png, const char* type, const std::string& data) {
  Put32(png, static_cast<uint32_t>(data.size()));
  std::string body = std::string(type, 4) + data;
  Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
  crc.update(body.data(), static_cast<unsigned>(body.size()));
  png += body;
  Put32(png, crc.checksum());
}

int ClampWidth(int width) { return std::clamp(width, kMinImageWidth, kMaxImageWidth); }

}  // namespace

std::string EncodePng(const Image& image) {
  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string header;
  Put32(header, static_cast<uint32_t>(image.width()));
  Put32(header, static_cast<uint32_t>(image.height()));
  header += '\x08';                                                    // 8 bits per sample
  header += image.format() == PixelFormat::kRgb8 ? '\x02' : '\x00';  // RGB or gray
  header += std::string("\0\0\0", 3);                                  // deflate, adaptive, no interlace
  Chunk(png, "IHDR", header);
  std::ostringstream compressed;
  {
    Poco::DeflatingOutputStream deflate(compressed, Poco::DeflatingStreamBuf::STREAM_ZLIB, 6);
    for (int y = 0; y < image.height(); ++y) {
      deflate.put('\0');  // filter: none
      deflate.write(reinterpret_cast<const char*>(image.row(y)), static_cast<std::streamsize>(image.stride()));
    }
    deflate.close();
  }
  Chunk(png, "IDAT", compressed.str());
  Chunk(png, "IEND", "");
  return png;
}

Image ScaleToWidth(const Image& image, int width) {
  if (image.empty() || width >= image.width()) return image.Clone();
  int height = std::max(1, static_cast<int>(static_cast<int64_t>(image.height()) * width / image.width()));
  Image out(width, height, image.format());
  const int ch = image.channels();
  for (int y = 0; y < height; ++y) {
    int y0 = static_cast<int>(static_cast<int64_t>(y) * image.height() / height);
    int y1 = std::max(y0 + 1, static_cast<int>(static_cast<int64_t>(y + 1) * image.height() / height));
    for (int x = 0; x < width; ++x) {
      int x0 = static_cast<int>(static_cast<int64_t>(x) * image.width() / width);
      int x1 = std::max(x0 + 1, static_cast<int>(static_cast<int64_t>(x + 1) * image.width() / width));
      for (int c = 0; c < ch; ++c) {
        uint64_t sum = 0;
        for (int sy = y0; sy < y1; ++sy) {
          const uint8_t* row = image.row(sy);
          for (int sx = x0; sx < x1; ++sx) sum += row[sx * ch + c];
        }
        out.row(y)[x * ch + c] = static_cast<uint8_t>(sum / (static_cast<uint64_t>(y1 - y0) * (x1 - x0)));
      }
    }
  }
  return out;
}

Result<std::string> RenderPdfPage(const std::string& pdf_path, int index, int width) {
  width = ClampWidth(width);
  try {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf_path));
    if (!doc || doc->is_locked()) return Err(Status::Corrupt(pdf_path + ": poppler cannot open the PDF"));
    if (index < 0 || index >= doc->pages()) {
      return Err(Status::NotFound(pdf_path + ": no page " + std::to_string(index + 1)));
    }
    std::unique_ptr<poppler::page> page(doc->create_page(index));
    if (!page) return Err(Status::Corrupt(pdf_path + ": page " + std::to_string(index + 1) + " cannot be read"));
    poppler::rectf box = page->page_rect();
    if (box.width() <= 0) return Err(Status::Corrupt(pdf_path + ": page " + std::to_string(index + 1) + " has no size"));
    double dpi = 72.0 * width / box.width();
    poppler::page_renderer renderer;
    renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
    renderer.set_image_format(poppler::image::format_gray8);
    poppler::image img = renderer.render_page(page.get(), dpi, dpi);
    if (!img.is_valid()) return Err(Status::Corrupt(pdf_path + ": poppler could not render page " + std::to_string(index + 1)));
    Image out(img.width(), img.height(), PixelFormat::kGray8);
    for (int y = 0; y < img.height(); ++y) {
      std::memcpy(out.row(y), img.const_data() + static_cast<size_t>(y) * img.bytes_per_row(), out.stride());
    }
    return EncodePng(out);
  } catch (const std::exception& e) {
    return Err(Status::External(pdf_path + ": " + e.what()));
  }
}

Result<std::string> RenderOriginalPage(const std::string& path, int index, int width) {
  Result<std::unique_ptr<PageSource>> source = OpenImport(path, ImportOptions{});
  if (!source) return Err(source.error());
  if (index < 0 || index >= (*source)->PageCount()) {
    return Err(Status::NotFound(path + ": no page " + std::to_string(index + 1)));
  }
  Result<Page> page = (*source)->ReadPage(index);
  if (!page) return Err(page.error().WithContext(path));
  return EncodePng(ScaleToWidth(page->image, ClampWidth(width)));
}

}  // namespace facteur::serve
