// BarcodeReader: the page's barcodes through zxing-cpp (Debian libzxing-dev
// 1.4). zxing types stay in barcode_reader.cc.
//
// Thread-compatible: ReadPageBarcodes keeps no state between calls.
#ifndef FACTEUR_SEPARATE_BARCODE_READER_H_
#define FACTEUR_SEPARATE_BARCODE_READER_H_

#include <string>
#include <vector>

#include "facteur/image.h"
#include "facteur/status.h"

namespace facteur::separate {

struct Barcode {
  std::string format;  // "Code39", "Code128", "QRCode"...
  std::string text;
};

struct BarcodeScan {
  std::vector<Barcode> codes;  // decoded, in zxing's reading order
  int unreadable = 0;          // symbols zxing located but could not decode
};

// `formats`: names as in the pipeline file ("code39", "code128", "qr",
// "datamatrix", "ean13", "itf"...); empty = code39, code128 and qr.
// Errors: kInvalidArgument for an unknown format name (checked by
// CheckBarcodeFormats at load time), kExternal when zxing throws.
Result<BarcodeScan> ReadPageBarcodes(const Image& image, const std::vector<std::string>& formats);
Status CheckBarcodeFormats(const std::vector<std::string>& formats);

}  // namespace facteur::separate

#endif  // FACTEUR_SEPARATE_BARCODE_READER_H_
