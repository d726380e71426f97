// Image: a page's pixels as facteur passes them between stages.
//
// Move-only: pixels are copied only by Clone(), so a stage never shares a
// buffer by accident. 8-bit gray (0 = black, 255 = white; bilevel pages use
// only 0 and 255) or 8-bit interleaved RGB, rows packed (stride = width *
// channels). Adapters to OpenCV and Leptonica live in the folders that use
// those libraries.
//
// Thread safety: none; one thread owns an Image at a time.
#ifndef FACTEUR_IMAGE_H_
#define FACTEUR_IMAGE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace facteur {

enum class PixelFormat { kGray8, kRgb8 };

class Image {
 public:
  Image() = default;
  // A width x height image filled with `fill` (255 = white).
  Image(int width, int height, PixelFormat format, uint8_t fill = 255);

  Image(Image&&) noexcept = default;
  Image& operator=(Image&&) noexcept = default;
  Image(const Image&) = delete;
  Image& operator=(const Image&) = delete;

  Image Clone() const;

  bool empty() const { return width_ == 0 || height_ == 0; }
  int width() const { return width_; }
  int height() const { return height_; }
  PixelFormat format() const { return format_; }
  int channels() const { return format_ == PixelFormat::kRgb8 ? 3 : 1; }
  size_t stride() const { return static_cast<size_t>(width_) * channels(); }
  size_t size_bytes() const { return pixels_.size(); }

  uint8_t* data() { return pixels_.data(); }
  const uint8_t* data() const { return pixels_.data(); }
  uint8_t* row(int y) { return pixels_.data() + stride() * y; }
  const uint8_t* row(int y) const { return pixels_.data() + stride() * y; }

  // Resolution in dots per inch; 0 when unknown.
  double dpi_x() const { return dpi_x_; }
  double dpi_y() const { return dpi_y_; }
  void set_dpi(double x, double y) { dpi_x_ = x; dpi_y_ = y; }

 private:
  int width_ = 0;
  int height_ = 0;
  PixelFormat format_ = PixelFormat::kGray8;
  double dpi_x_ = 0;
  double dpi_y_ = 0;
  std::vector<uint8_t> pixels_;
};

}  // namespace facteur

#endif  // FACTEUR_IMAGE_H_
