#include "facteur/image.h"

namespace facteur {

Image::Image(int width, int height, PixelFormat format, uint8_t fill)
    : width_(width), height_(height), format_(format) {
  pixels_.assign(stride() * static_cast<size_t>(height), fill);
}

Image Image::Clone() const {
  Image copy;
  copy.width_ = width_;
  copy.height_ = height_;
  copy.format_ = format_;
  copy.dpi_x_ = dpi_x_;
  copy.dpi_y_ = dpi_y_;
  copy.pixels_ = pixels_;
  return copy;
}

}  // namespace facteur
