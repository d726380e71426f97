#include "testing/load_image.h"

#include <leptonica/allheaders.h>

#include "ocr/leptonica_image.h"

namespace facteur::testing {

Result<Image> LoadImage(const std::string& path) {
  PixPtr pix(pixRead(path.c_str()));
  if (!pix) return Err(Status::NotFound(path + ": leptonica cannot read it"));
  return PixToImage(pix.get());
}

}  // namespace facteur::testing
