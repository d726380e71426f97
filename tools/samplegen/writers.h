// Writers: the file formats a mailroom receives, with the physical
// resolution recorded so importers see the right dpi.
#ifndef FACTEUR_TOOLS_SAMPLEGEN_WRITERS_H_
#define FACTEUR_TOOLS_SAMPLEGEN_WRITERS_H_

#include <string>
#include <vector>

#include "facteur/status.h"
#include "samplegen/page.h"

namespace facteur::samplegen {

enum class TiffCompression {
  kG3,    // CCITT T.4 1-D (fax); pages are thresholded to 1 bit
  kG4,    // CCITT T.6; pages are thresholded to 1 bit
  kLzw,   // 8-bit gray (or RGB), lossless
  kJpeg,  // 8-bit gray (or RGB), quality 75
};

// One page as PNG (8-bit gray or BGR colour) with a pHYs chunk for the dpi.
Status WritePng(const std::string& path, const Page& page);
// One page as baseline JPEG with the JFIF density set to the dpi.
Status WriteJpeg(const std::string& path, const Page& page, int quality);
// All pages in one TIFF, with XResolution/YResolution from each page.
Status WriteTiff(const std::string& path, const std::vector<Page>& pages, TiffCompression compression);
// A "scanned PDF": one image per page at its physical size (A4 at the
// page's dpi), embedded as JPEG at `quality`, no text layer.
Status WritePdf(const std::string& path, const std::vector<Page>& pages, int quality);

}  // namespace facteur::samplegen

#endif  // FACTEUR_TOOLS_SAMPLEGEN_WRITERS_H_
