// Bit reader for CCITT streams (internal to the CCITT decoder).
#ifndef FACTEUR_IMPORT_CCITT_BIT_READER_H_
#define FACTEUR_IMPORT_CCITT_BIT_READER_H_

#include <cstddef>
#include <cstdint>
#include <span>

namespace facteur::ccitt {

inline uint8_t Reverse(uint8_t b) {
  b = static_cast<uint8_t>((b & 0xF0) >> 4 | (b & 0x0F) << 4);
  b = static_cast<uint8_t>((b & 0xCC) >> 2 | (b & 0x33) << 2);
  return static_cast<uint8_t>((b & 0xAA) >> 1 | (b & 0x55) << 1);
}

// Reads bits first-bit-first. Bits past the end read as 0; callers check
// Overrun() after consuming a code, so nothing is read out of bounds.
class BitReader {
 public:
  BitReader(std::span<const uint8_t> data, bool lsb_first)
      : data_(data), lsb_first_(lsb_first), size_bits_(data.size() * 8) {}

  // The next n (<= 24) bits, first bit in the most significant position.
  uint32_t Peek(int n) const {
    const size_t byte = pos_ / 8;
    uint32_t word = 0;
    for (size_t i = 0; i < 4; ++i) word = (word << 8) | ByteAt(byte + i);
    word <<= pos_ % 8;
    return word >> (32 - n);
  }
  void Skip(size_t n) { pos_ += n; }
  void AlignToByte() { pos_ = (pos_ + 7) / 8 * 8; }
  bool Exhausted() const { return pos_ >= size_bits_; }
  bool Overrun() const { return pos_ > size_bits_; }
  size_t pos() const { return pos_; }
  void set_pos(size_t pos) { pos_ = pos; }
  size_t size_bits() const { return size_bits_; }

  // Zero bits from the current position, stopping at a 1 or the end of data.
  size_t CountZeros() const {
    size_t p = pos_;
    while (p < size_bits_ && ((ByteAt(p / 8) >> (7 - p % 8)) & 1) == 0) ++p;
    return p - pos_;
  }

 private:
  uint8_t ByteAt(size_t i) const {
    if (i >= data_.size()) return 0;
    return lsb_first_ ? Reverse(data_[i]) : data_[i];
  }

  std::span<const uint8_t> data_;
  bool lsb_first_;
  size_t size_bits_;
  size_t pos_ = 0;
};

}  // namespace facteur::ccitt

#endif  // FACTEUR_IMPORT_CCITT_BIT_READER_H_
