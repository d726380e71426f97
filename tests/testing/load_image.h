// Test-only: reads an image file (TIFF, PNG, PNM...) with Leptonica into a
// facteur::Image (Gray8 or Rgb8) with the file's dpi, for tests that must not
// depend on the import stage.
#ifndef FACTEUR_TESTS_TESTING_LOAD_IMAGE_H_
#define FACTEUR_TESTS_TESTING_LOAD_IMAGE_H_

#include <string>

#include "facteur/image.h"
#include "facteur/status.h"

namespace facteur::testing {

// Errors: kNotFound when Leptonica cannot read `path`.
Result<Image> LoadImage(const std::string& path);

}  // namespace facteur::testing

#endif  // FACTEUR_TESTS_TESTING_LOAD_IMAGE_H_
