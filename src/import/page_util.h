// Helpers shared by the importers (src/import only): orientation, fax
// normalisation, the pixel limit and OpenCV <-> Image conversion.
// OpenCV types appear here because every user is an import adapter .cc.
#ifndef FACTEUR_IMPORT_PAGE_UTIL_H_
#define FACTEUR_IMPORT_PAGE_UTIL_H_

#include <cstdint>
#include <opencv2/core.hpp>
#include <string>

#include "facteur/document.h"
#include "facteur/importer.h"
#include "facteur/status.h"

namespace facteur::import {

// OK when width * height <= options.max_pixels, else kUnsupported:
// "35000x35000 pixels exceeds the limit of 100000000 (import.max_pixels)".
Status CheckPixelLimit(int64_t width, int64_t height, const ImportOptions& options);

// Resolution sanity: a value outside [20, 10000] dpi counts as absent.
bool PlausibleDpi(double dpi);

// Settles a file's stated resolution: implausible values count as absent, a
// missing axis takes the other's value, and with neither both become
// options.fallback_dpi. Returns whether the file stated one (Page::dpi_assumed
// is its negation).
bool SettleDpi(double* xdpi, double* ydpi, const ImportOptions& options);

// The size a page will have after Orientation and fax normalisation, so the
// pixel limit can be checked before decoding. `xdpi`/`ydpi` are the stored
// (pre-orientation) resolutions, already validated.
void NormalisedSize(int width, int height, int orientation, double xdpi, double ydpi,
                    const ImportOptions& options, int64_t* out_w, int64_t* out_h);

// Applies a TIFF/EXIF orientation (1..8; anything else = 1) in place.
void ApplyOrientation(int orientation, cv::Mat& mat);

// True when the resolutions differ by more than 2 %.
bool NonSquare(double xdpi, double ydpi);

// Resamples `mat` in y so its pixels are square at `xdpi` (INTER_AREA down,
// INTER_LINEAR up; bilevel images are re-thresholded at 128). Returns the
// note "import: fax 204x98 -> 204x204 dpi".
std::string NormaliseFax(cv::Mat& mat, double xdpi, double ydpi, bool bilevel);

// Replaces a 3-channel Mat by one channel when every pixel is gray.
void CollapseGray(cv::Mat& mat);

// Copies an 8-bit 1-channel (gray) or 3-channel (RGB order) Mat into an Image.
Image ToImage(const cv::Mat& mat);

// Fills a Page from a decoded Mat: orientation already applied; does fax
// normalisation when asked and the resolution is non-square.
Page MakePage(int index, cv::Mat mat, double xdpi, double ydpi, bool bilevel, bool is_fax,
              const ImportOptions& options);

// Formats a resolution for messages: "204", "37.8".
std::string FormatDpi(double dpi);

// The common frame of PageSource::ReadPage: checks `index` against `pages`,
// runs `read`, puts "page N: " before any error, and turns exceptions from
// OpenCV, poppler or allocation (cv::Exception, std::bad_alloc) into Status.
template <typename Read>
Result<Page> ReadPageChecked(int index, int pages, Read&& read) {
  const std::string ctx = "page " + std::to_string(index + 1);
  if (index < 0 || index >= pages) {
    return Err(Status::InvalidArgument(ctx + ": out of range (" + std::to_string(pages) +
                                       (pages == 1 ? " page)" : " pages)")));
  }
  try {
    Result<Page> page = read();
    if (!page) return Err(page.error().WithContext(ctx));
    return page;
  } catch (const std::exception& e) {
    return Err(Status::External(ctx + ": " + e.what()));
  }
}

}  // namespace facteur::import

#endif  // FACTEUR_IMPORT_PAGE_UTIL_H_
