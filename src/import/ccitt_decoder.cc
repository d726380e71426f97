#include "import/ccitt_decoder.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "import/ccitt_bit_reader.h"
#include "import/ccitt_tables.h"

namespace facteur {
namespace {

using ccitt::BitReader;

// Limits that keep hostile parameters from allocating without bound.
constexpr int kMaxWidth = 1 << 16;
constexpr size_t kMaxPixels = size_t{1} << 28;
// An EOL is 000000000001; no run or mode code has more than 7 leading zeros.
constexpr int kEolZeros = 11;
// How far past a row's end we look for its successor's EOL.
constexpr size_t kJunkBits = 32;

enum class RowEnd { kOk, kBadCode, kEol, kEndOfData };

// Decodes rows into lists of changing elements (positions where the colour
// flips, the first one to black), then paints them into Gray8 rows.
class Decoder {
 public:
  Decoder(std::span<const uint8_t> data, const CcittParams& params, CcittReport* report)
      : in_(data, params.lsb_first), p_(params), report_(report) {}

  Result<Image> Run();

 private:
  bool StartRow(bool* two_d);
  int SkipEols(int* tag);
  bool FindEol(size_t max_skip);
  RowEnd ReadRun(bool white, int* run);
  RowEnd Decode1D(std::vector<int>* changes);
  RowEnd Decode2D(const std::vector<int>& ref, std::vector<int>* changes);
  void Paint(const std::vector<int>& changes);
  std::vector<int> Reference(const std::vector<int>& changes) const;

  BitReader in_;
  const CcittParams& p_;
  CcittReport* report_;  // never null
  std::vector<uint8_t> pixels_;
  int rows_ = 0;
  int clean_rows_ = 0;
  bool eol_rows_ = false;      // the last row started with an EOL
  bool after_resync_ = false;  // the last row was cut by a bad code
};

// Consumes fill bits and EOLs at a row start. Returns how many EOLs were
// read, or -1 when only zero bits remain. *tag gets the T.4 2-D tag bit that
// follows the last EOL (1 = next row is 1-D), or -1 if there was no EOL.
int Decoder::SkipEols(int* tag) {
  *tag = -1;
  int eols = 0;
  for (;;) {
    const size_t zeros = in_.CountZeros();
    if (in_.pos() + zeros >= in_.size_bits()) return -1;
    if (zeros < kEolZeros) return eols;
    in_.Skip(zeros + 1);
    ++eols;
    if (p_.two_d && p_.compression == 3) {
      if (in_.Exhausted()) return -1;
      *tag = static_cast<int>(in_.Peek(1));
      in_.Skip(1);
    }
  }
}

// Moves to the start (the zero bits) of the next EOL that begins at most
// `max_skip` bits ahead. Stays put and returns false if there is none.
bool Decoder::FindEol(size_t max_skip) {
  const size_t start = in_.pos();
  while (!in_.Exhausted() && in_.pos() - start <= max_skip) {
    const size_t zeros = in_.CountZeros();
    if (in_.pos() + zeros >= in_.size_bits()) break;
    if (zeros >= kEolZeros) return true;
    in_.Skip(zeros + 1);
  }
  in_.set_pos(start);
  return false;
}

// One run: make-up codes then a terminating code.
RowEnd Decoder::ReadRun(bool white, int* run) {
  const auto& table = white ? ccitt::WhiteLookup() : ccitt::BlackLookup();
  *run = 0;
  for (;;) {
    const ccitt::RunEntry e = table[in_.Peek(ccitt::kRunLookupBits)];
    if (e.length == 0) {
      if (in_.Exhausted()) return RowEnd::kEndOfData;
      return in_.Peek(12) == 1 ? RowEnd::kEol : RowEnd::kBadCode;
    }
    in_.Skip(e.length);
    if (in_.Overrun()) return RowEnd::kEndOfData;
    *run += e.run;
    if (*run > p_.width) return RowEnd::kBadCode;
    if (e.run < 64) return RowEnd::kOk;
  }
}

RowEnd Decoder::Decode1D(std::vector<int>* changes) {
  int a0 = 0;
  bool white = true;
  while (a0 < p_.width) {
    int run = 0;
    const RowEnd end = ReadRun(white, &run);
    if (end != RowEnd::kOk) return end;
    a0 += run;
    if (a0 > p_.width) return RowEnd::kBadCode;
    changes->push_back(a0);
    white = !white;
  }
  return RowEnd::kOk;
}

// T.4 section 4.2 / T.6: each mode codes the next change a1 relative to the
// reference line's b1 (first change right of a0 of the opposite colour).
RowEnd Decoder::Decode2D(const std::vector<int>& ref, std::vector<int>* changes) {
  const auto& modes = ccitt::ModeLookup();
  int a0 = -1;  // the imaginary white pixel before the row
  bool white = true;
  while (a0 < p_.width) {
    // ref ends with three copies of width, so b1 and b2 always exist.
    size_t k = std::upper_bound(ref.begin(), ref.end(), a0) - ref.begin();
    if ((k % 2 == 0) != white) ++k;
    const int b1 = ref[k];
    const int b2 = ref[k + 1];
    const int start = std::max(a0, 0);
    const ccitt::ModeEntry m = modes[in_.Peek(ccitt::kModeLookupBits)];
    if (m.length == 0 || m.mode == ccitt::Mode::kExtension) {
      if (in_.Exhausted()) return RowEnd::kEndOfData;
      return in_.Peek(12) == 1 ? RowEnd::kEol : RowEnd::kBadCode;
    }
    in_.Skip(m.length);
    if (in_.Overrun()) return RowEnd::kEndOfData;
    switch (m.mode) {
      case ccitt::Mode::kPass:
        a0 = b2;
        break;
      case ccitt::Mode::kHorizontal: {
        int run1 = 0, run2 = 0;
        RowEnd end = ReadRun(white, &run1);
        if (end == RowEnd::kOk) end = ReadRun(!white, &run2);
        if (end != RowEnd::kOk) return end;
        if (start + run1 + run2 > p_.width) return RowEnd::kBadCode;
        changes->push_back(start + run1);
        changes->push_back(start + run1 + run2);
        a0 = start + run1 + run2;
        break;
      }
      default: {  // vertical
        const int a1 = b1 + m.delta;
        if (a1 < start || a1 > p_.width) return RowEnd::kBadCode;
        changes->push_back(a1);
        a0 = a1;
        white = !white;
        break;
      }
    }
  }
  return RowEnd::kOk;
}

// Appends one row: white, with black between changes[2i] and changes[2i+1].
void Decoder::Paint(const std::vector<int>& changes) {
  const size_t base = pixels_.size();
  pixels_.resize(base + p_.width, 255);
  const uint8_t black = p_.black_is_1 ? 255 : 0;
  if (p_.black_is_1) std::memset(pixels_.data() + base, 0, p_.width);
  for (size_t i = 0; i < changes.size(); i += 2) {
    const int from = std::clamp(changes[i], 0, p_.width);
    const int to = i + 1 < changes.size() ? std::clamp(changes[i + 1], from, p_.width) : p_.width;
    std::memset(pixels_.data() + base + from, black, to - from);
  }
  ++rows_;
}

// The reference line for the next row: strictly increasing changes inside
// the row (zero-length runs cancel out), then three sentinels at width.
std::vector<int> Decoder::Reference(const std::vector<int>& changes) const {
  std::vector<int> ref;
  ref.reserve(changes.size() + 3);
  for (int c : changes) {
    if (c >= p_.width) break;
    if (!ref.empty() && ref.back() >= c) {
      // Two changes at the same place: a zero-length run.
      if (ref.back() == c) ref.pop_back();
      continue;
    }
    ref.push_back(c);
  }
  ref.insert(ref.end(), 3, p_.width);
  return ref;
}

// Consumes what precedes a row (byte alignment, junk, fill bits, EOLs) and
// picks its coding. Returns false at the end of the page: only zero bits
// left, RTC (T.4) or EOFB (T.6).
bool Decoder::StartRow(bool* two_d) {
  if (p_.compression == 2 && rows_ > 0) in_.AlignToByte();
  // Where rows start with EOLs, bits between a row's end and the next EOL
  // are junk (libtiff skips them too); valid data never holds 11 zeros.
  if (eol_rows_ && p_.compression == 3) FindEol(kJunkBits);
  int tag = -1;
  const int eols = SkipEols(&tag);
  eol_rows_ = eols > 0;
  if (eols < 0) return false;
  if (eols >= 2 && rows_ > 0 && p_.compression == 3) return false;  // RTC
  if (eols >= 1 && rows_ > 0 && p_.compression == 4) return false;  // EOFB
  *two_d = p_.compression == 4;
  if (p_.compression == 3 && p_.two_d) {
    // Without an EOL there is no tag bit: guess 2-D unless there is no
    // trustworthy reference line.
    *two_d = tag == 0 || (tag < 0 && rows_ > 0 && !after_resync_);
  }
  return true;
}

Result<Image> Decoder::Run() {
  const size_t max_rows =
      p_.rows > 0 ? static_cast<size_t>(p_.rows) : kMaxPixels / static_cast<size_t>(p_.width);
  std::vector<int> ref = Reference({});
  std::vector<int> changes;
  // Every row consumes at least one bit, so this bounds the loop.
  const size_t max_steps = in_.size_bits() + max_rows + 1;
  bool two_d = false;
  for (size_t step = 0; step < max_steps && static_cast<size_t>(rows_) < max_rows; ++step) {
    if (!StartRow(&two_d)) break;
    changes.clear();
    const size_t row_start = in_.pos();
    RowEnd end = two_d ? Decode2D(ref, &changes) : Decode1D(&changes);
    if (end == RowEnd::kBadCode && p_.compression == 3 && !two_d && row_start % 8 != 0) {
      // Some writers byte-align rows they call T.4; retry from the boundary.
      in_.set_pos(row_start);
      in_.AlignToByte();
      changes.clear();
      end = Decode1D(&changes);
    }
    if (end == RowEnd::kOk) {
      Paint(changes);
      ++clean_rows_;
      ref = Reference(changes);
      after_resync_ = false;
      continue;
    }
    if (end == RowEnd::kBadCode && !FindEol(in_.size_bits())) break;
    // A premature EOL, a resync or the data's end: keep the partial row,
    // white after the last change decoded.
    if (changes.empty() && end == RowEnd::kEndOfData) break;
    if (changes.size() % 2 == 1) changes.push_back(changes.back());
    Paint(changes);
    ++report_->damaged_rows;
    if (end == RowEnd::kEndOfData) break;
    ref = Reference(changes);
    after_resync_ = end == RowEnd::kBadCode;
  }
  if (clean_rows_ == 0) {
    return Err(Status::Corrupt("ccitt: no row decodes (compression " +
                               std::to_string(p_.compression) + ", width " +
                               std::to_string(p_.width) + ")"));
  }
  const int height = p_.rows > 0 ? p_.rows : rows_;
  report_->clean_rows += clean_rows_;
  report_->padded_rows += std::max(0, height - rows_);
  Image image(p_.width, height, PixelFormat::kGray8, p_.black_is_1 ? 0 : 255);
  std::memcpy(image.data(), pixels_.data(), std::min(pixels_.size(), image.size_bytes()));
  return image;
}

Status CheckParams(const CcittParams& params) {
  if (params.width <= 0 || params.width > kMaxWidth) {
    return Status::InvalidArgument("ccitt: bad width " + std::to_string(params.width));
  }
  if (params.rows < 0 ||
      static_cast<size_t>(params.rows) * static_cast<size_t>(params.width) > kMaxPixels) {
    return Status::InvalidArgument("ccitt: bad row count " + std::to_string(params.rows));
  }
  if (params.compression < 2 || params.compression > 4) {
    return Status::Unsupported("ccitt: compression " + std::to_string(params.compression));
  }
  return Status::OK();
}

}  // namespace

Result<Image> DecodeCcitt(std::span<const uint8_t> data, const CcittParams& params,
                          CcittReport* report) {
  if (Status s = CheckParams(params); !s.ok()) return Err(s);
  CcittReport local;
  try {
    return Decoder(data, params, report ? report : &local).Run();
  } catch (const std::bad_alloc&) {
    return Err(Status::Corrupt("ccitt: out of memory"));
  }
}

Result<Image> DecodeCcittStrips(std::span<const std::span<const uint8_t>> strips,
                                int rows_per_strip, const CcittParams& params,
                                CcittReport* report) {
  if (Status s = CheckParams(params); !s.ok()) return Err(s);
  if (params.rows <= 0) return Err(Status::InvalidArgument("ccitt: strips need the row count"));
  if (rows_per_strip <= 0 || rows_per_strip > params.rows) rows_per_strip = params.rows;
  CcittReport total;
  try {
    Image page(params.width, params.rows, PixelFormat::kGray8, params.black_is_1 ? 0 : 255);
    int y = 0;
    for (size_t s = 0; s < strips.size() && y < params.rows; ++s) {
      CcittParams strip_params = params;
      strip_params.rows = std::min(rows_per_strip, params.rows - y);
      Result<Image> strip = Decoder(strips[s], strip_params, &total).Run();
      if (strip.has_value()) {
        std::memcpy(page.row(y), strip->data(), strip->size_bytes());
      } else {
        total.padded_rows += strip_params.rows;
      }
      y += strip_params.rows;
    }
    total.padded_rows += params.rows - y;
    if (report) *report = total;
    if (total.clean_rows == 0) {
      return Err(
          Status::Corrupt("ccitt: no row decodes in " + std::to_string(strips.size()) + " strips"));
    }
    return page;
  } catch (const std::bad_alloc&) {
    return Err(Status::Corrupt("ccitt: out of memory"));
  }
}

}  // namespace facteur
