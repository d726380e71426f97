#include "samplegen/writers.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <tiffio.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace facteur::samplegen {
namespace {

uint32_t Crc32(const uint8_t* data, size_t n, uint32_t crc = 0) {
  crc = ~crc;
  for (size_t i = 0; i < n; ++i) {
    crc ^= data[i];
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

void PutBe32(std::vector<uint8_t>& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(v >> shift));
}

Status WriteBytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  f.close();
  if (!f) return Status::IOError(path + ": cannot write");
  return Status::OK();
}

Status Encode(const std::string& path, const char* ext, const cv::Mat& m, const std::vector<int>& params,
              std::vector<uint8_t>& out) {
  try {
    if (!cv::imencode(ext, m, out, params)) return Status::External(path + ": opencv could not encode");
  } catch (const cv::Exception& e) {
    return Status::External(path + ": opencv: " + e.what());
  }
  return Status::OK();
}

}  // namespace

Status WritePng(const std::string& path, const Page& page) {
  std::vector<uint8_t> png;
  FACTEUR_RETURN_IF_ERROR(Encode(path, ".png", page.pixels, {cv::IMWRITE_PNG_COMPRESSION, 9}, png));
  // Insert pHYs (pixels per metre) right after IHDR, which ends at byte 33.
  std::vector<uint8_t> chunk;
  PutBe32(chunk, 9);
  for (char c : std::string("pHYs")) chunk.push_back(static_cast<uint8_t>(c));
  PutBe32(chunk, static_cast<uint32_t>(page.dpi_x / 0.0254 + 0.5));
  PutBe32(chunk, static_cast<uint32_t>(page.dpi_y / 0.0254 + 0.5));
  chunk.push_back(1);  // unit: metre
  PutBe32(chunk, Crc32(chunk.data() + 4, chunk.size() - 4));
  png.insert(png.begin() + 33, chunk.begin(), chunk.end());
  return WriteBytes(path, png);
}

Status WriteJpeg(const std::string& path, const Page& page, int quality) {
  std::vector<uint8_t> jpg;
  FACTEUR_RETURN_IF_ERROR(Encode(path, ".jpg", page.pixels, {cv::IMWRITE_JPEG_QUALITY, quality}, jpg));
  // JFIF APP0 starts at byte 2: units at 13, X density at 14, Y at 16.
  if (jpg.size() > 18 && std::memcmp(jpg.data() + 6, "JFIF", 4) == 0) {
    jpg[13] = 1;  // dots per inch
    const int dx = static_cast<int>(page.dpi_x + 0.5), dy = static_cast<int>(page.dpi_y + 0.5);
    jpg[14] = static_cast<uint8_t>(dx >> 8), jpg[15] = static_cast<uint8_t>(dx);
    jpg[16] = static_cast<uint8_t>(dy >> 8), jpg[17] = static_cast<uint8_t>(dy);
  }
  return WriteBytes(path, jpg);
}

Status WriteTiff(const std::string& path, const std::vector<Page>& pages, TiffCompression compression) {
  std::unique_ptr<TIFF, void (*)(TIFF*)> tif(TIFFOpen(path.c_str(), "w"), TIFFClose);
  if (!tif) return Status::IOError(path + ": cannot open for writing");
  const bool bilevel = compression == TiffCompression::kG3 || compression == TiffCompression::kG4;
  for (size_t i = 0; i < pages.size(); ++i) {
    cv::Mat m = pages[i].pixels;
    if (m.channels() == 3 && bilevel) cv::cvtColor(m, m, cv::COLOR_BGR2GRAY);
    TIFF* t = tif.get();
    TIFFSetField(t, TIFFTAG_IMAGEWIDTH, static_cast<uint32_t>(m.cols));
    TIFFSetField(t, TIFFTAG_IMAGELENGTH, static_cast<uint32_t>(m.rows));
    TIFFSetField(t, TIFFTAG_XRESOLUTION, static_cast<float>(pages[i].dpi_x));
    TIFFSetField(t, TIFFTAG_YRESOLUTION, static_cast<float>(pages[i].dpi_y));
    TIFFSetField(t, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
    TIFFSetField(t, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(t, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
    TIFFSetField(t, TIFFTAG_PAGENUMBER, static_cast<uint16_t>(i), static_cast<uint16_t>(pages.size()));
    std::vector<uint8_t> row;
    if (bilevel) {
      TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, 1);
      TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, 1);
      TIFFSetField(t, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISWHITE);
      TIFFSetField(t, TIFFTAG_FILLORDER, FILLORDER_MSB2LSB);
      if (compression == TiffCompression::kG3) {
        TIFFSetField(t, TIFFTAG_COMPRESSION, COMPRESSION_CCITTFAX3);
        TIFFSetField(t, TIFFTAG_GROUP3OPTIONS, 0);  // 1-D MH, the fax default
      } else {
        TIFFSetField(t, TIFFTAG_COMPRESSION, COMPRESSION_CCITTFAX4);
      }
      TIFFSetField(t, TIFFTAG_ROWSPERSTRIP, static_cast<uint32_t>(m.rows));
      row.resize((m.cols + 7) / 8);
    } else {
      TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, 8);
      TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, m.channels());
      TIFFSetField(t, TIFFTAG_PHOTOMETRIC, m.channels() == 3 ? PHOTOMETRIC_RGB : PHOTOMETRIC_MINISBLACK);
      if (compression == TiffCompression::kJpeg) {
        TIFFSetField(t, TIFFTAG_COMPRESSION, COMPRESSION_JPEG);
        TIFFSetField(t, TIFFTAG_JPEGQUALITY, 75);
        TIFFSetField(t, TIFFTAG_ROWSPERSTRIP, 16);
      } else {
        TIFFSetField(t, TIFFTAG_COMPRESSION, COMPRESSION_LZW);
        TIFFSetField(t, TIFFTAG_PREDICTOR, PREDICTOR_HORIZONTAL);
        TIFFSetField(t, TIFFTAG_ROWSPERSTRIP, TIFFDefaultStripSize(t, 0));
      }
      if (m.channels() == 3) cv::cvtColor(m, m, cv::COLOR_BGR2RGB);
      row.resize(m.cols * m.channels());
    }
    for (int y = 0; y < m.rows; ++y) {
      const uint8_t* src = m.ptr<uint8_t>(y);
      if (bilevel) {
        std::fill(row.begin(), row.end(), 0);
        for (int x = 0; x < m.cols; ++x) {
          if (src[x] < 128) row[x >> 3] |= static_cast<uint8_t>(0x80 >> (x & 7));  // 1 = black
        }
      } else {
        std::memcpy(row.data(), src, row.size());
      }
      if (TIFFWriteScanline(t, row.data(), static_cast<uint32_t>(y), 0) < 0) {
        return Status::External(path + ": libtiff failed on page " + std::to_string(i + 1));
      }
    }
    if (!TIFFWriteDirectory(t))
      return Status::External(path + ": libtiff could not finish page " + std::to_string(i + 1));
  }
  return Status::OK();
}

Status WritePdf(const std::string& path, const std::vector<Page>& pages, int quality) {
  if (pages.empty()) return Status::InvalidArgument(path + ": no pages to write");
  const double w_pt = pages[0].pixels.cols * 72.0 / pages[0].dpi_x;
  const double h_pt = pages[0].pixels.rows * 72.0 / pages[0].dpi_y;
  cairo_surface_t* pdf = cairo_pdf_surface_create(path.c_str(), w_pt, h_pt);
  if (cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(pdf);
    return Status::IOError(path + ": cairo cannot create the PDF");
  }
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "facteur-samplegen");
  // A fixed creation date: the same seed must give byte-identical files.
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, "2026-01-01T00:00:00Z");
  Status status;
  for (const Page& page : pages) {
    cairo_pdf_surface_set_size(pdf, page.pixels.cols * 72.0 / page.dpi_x,
                               page.pixels.rows * 72.0 / page.dpi_y);
    cv::Mat bgra;
    cv::cvtColor(page.pixels, bgra, page.pixels.channels() == 3 ? cv::COLOR_BGR2BGRA : cv::COLOR_GRAY2BGRA);
    cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, bgra.cols, bgra.rows);
    cairo_surface_flush(img);
    const int stride = cairo_image_surface_get_stride(img);
    for (int y = 0; y < bgra.rows; ++y) {
      std::memcpy(cairo_image_surface_get_data(img) + static_cast<size_t>(y) * stride, bgra.ptr(y),
                  bgra.cols * 4);
    }
    cairo_surface_mark_dirty(img);
    // Give cairo the JPEG too: the PDF then embeds it as-is (DCTDecode),
    // like a scanner's PDF, instead of a large lossless image.
    auto* jpg = new std::vector<uint8_t>();
    status = Encode(path, ".jpg", page.pixels, {cv::IMWRITE_JPEG_QUALITY, quality}, *jpg);
    if (status.ok()) {
      cairo_surface_set_mime_data(
          img, CAIRO_MIME_TYPE_JPEG, jpg->data(), jpg->size(),
          [](void* p) { delete static_cast<std::vector<uint8_t>*>(p); }, jpg);
    } else {
      delete jpg;
    }
    cairo_t* cr = cairo_create(pdf);
    cairo_scale(cr, 72.0 / page.dpi_x, 72.0 / page.dpi_y);
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_paint(cr);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(img);
    if (!status.ok()) break;
  }
  cairo_surface_finish(pdf);
  if (status.ok() && cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS) {
    status = Status::IOError(path + ": cairo failed writing the PDF");
  }
  cairo_surface_destroy(pdf);
  return status;
}

}  // namespace facteur::samplegen
