#include "separate/barcode_reader.h"

// zxing 1.4: text() is UTF-8 only with ZX_USE_UTF8 (the next release makes it the default).
#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

#include <exception>
#include <map>

namespace facteur::separate {
namespace {

const std::map<std::string, ZXing::BarcodeFormat>& FormatNames() {
  static const auto* names = new std::map<std::string, ZXing::BarcodeFormat>{
      {"code39", ZXing::BarcodeFormat::Code39},     {"code93", ZXing::BarcodeFormat::Code93},
      {"code128", ZXing::BarcodeFormat::Code128},   {"qr", ZXing::BarcodeFormat::QRCode},
      {"datamatrix", ZXing::BarcodeFormat::DataMatrix}, {"pdf417", ZXing::BarcodeFormat::PDF417},
      {"aztec", ZXing::BarcodeFormat::Aztec},       {"ean13", ZXing::BarcodeFormat::EAN13},
      {"ean8", ZXing::BarcodeFormat::EAN8},         {"itf", ZXing::BarcodeFormat::ITF},
      {"codabar", ZXing::BarcodeFormat::Codabar},   {"upca", ZXing::BarcodeFormat::UPCA},
  };
  return *names;
}

}  // namespace

Status CheckBarcodeFormats(const std::vector<std::string>& formats) {
  for (const std::string& name : formats) {
    if (!FormatNames().count(name)) {
      std::string known;
      for (const auto& [key, value] : FormatNames()) known += (known.empty() ? "" : ", ") + key;
      return Status::InvalidArgument("unknown barcode format '" + name + "' (known: " + known + ")");
    }
  }
  return Status::OK();
}

Result<BarcodeScan> ReadPageBarcodes(const Image& image, const std::vector<std::string>& formats) {
  if (Status st = CheckBarcodeFormats(formats); !st.ok()) return Err(st);
  ZXing::BarcodeFormats wanted;
  if (formats.empty()) {
    wanted = ZXing::BarcodeFormat::Code39 | ZXing::BarcodeFormat::Code128 | ZXing::BarcodeFormat::QRCode;
  } else {
    for (const std::string& name : formats) wanted |= FormatNames().at(name);
  }
  BarcodeScan scan;
  if (image.empty()) return scan;
  try {
    ZXing::ImageView view(image.data(), image.width(), image.height(),
                          image.channels() == 1 ? ZXing::ImageFormat::Lum : ZXing::ImageFormat::RGB,
                          static_cast<int>(image.stride()));
    ZXing::DecodeHints hints;
    hints.setFormats(wanted);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setTryDownscale(false);
    // Not setReturnErrors(true): zxing 1.4 then asserts in Result::operator==
    // (lineCount() == 1) while merging 1-D results (aborts on
    // corpus/separators/patch-code-t-middle.tiff). Damaged symbols are found
    // by CountBarRegions instead.
    ZXing::Results results = ZXing::ReadBarcodes(view, hints);
    // Our own extra passes (zxing's tryDownscale is off, see above): blurred
    // or distorted bars often read at a smaller scale or with a global
    // threshold. Stops at the first pass that reads something.
    const int format_channels = image.channels();
    const auto pixel_format = format_channels == 1 ? ZXing::ImageFormat::Lum : ZXing::ImageFormat::RGB;
    for (int pass = 0; results.empty() && pass < 3; ++pass) {
      int scale = pass == 0 ? 2 : pass == 1 ? 4 : 1;
      if (image.width() / scale < 200 || image.height() / scale < 200) continue;
      ZXing::ImageView scaled(image.data(), image.width() / scale, image.height() / scale, pixel_format,
                              static_cast<int>(image.stride()) * scale, format_channels * scale);
      ZXing::DecodeHints pass_hints = hints;
      if (pass == 2) pass_hints.setBinarizer(ZXing::Binarizer::GlobalHistogram);
      results = ZXing::ReadBarcodes(scaled, pass_hints);
    }
    for (const ZXing::Result& result : results) {
      if (result.isValid()) {
        scan.codes.push_back(Barcode{ZXing::ToString(result.format()), result.text()});
      } else {
        ++scan.unreadable;
      }
    }
  } catch (const std::exception& e) {
    return Err(Status::External(std::string("zxing: ") + e.what()));
  }
  return scan;
}

}  // namespace facteur::separate
