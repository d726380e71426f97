// The ITU-T T.4 / T.6 code tables (run lengths and 2-D mode codes) as data,
// and the lookup tables the CCITT decoder builds from them once.
//
// Thread safety: the lookup tables are built on first use (function-local
// statics) and are read-only afterwards; safe from several threads.
#ifndef FACTEUR_IMPORT_CCITT_TABLES_H_
#define FACTEUR_IMPORT_CCITT_TABLES_H_

#include <array>
#include <cstdint>
#include <span>

namespace facteur::ccitt {

// One code word written as a string of '0'/'1', MSB (first bit) first.
struct RunCode {
  const char* bits;
  int run;  // < 64: terminating code; multiple of 64: make-up code
};

enum class Mode : uint8_t {
  kInvalid = 0,
  kPass,        // P:  0001
  kHorizontal,  // H:  001, followed by two runs
  kVertical,    // V:  a1 = b1 + delta, delta in [-3, 3]
  kExtension,   // 0000001xxx (uncompressed mode and friends): unsupported
};

struct ModeCode {
  const char* bits;
  Mode mode;
  int delta;  // for kVertical
};

// T.4 tables 2/3 and 3/3 (white and black, terminating and make-up codes,
// including the extended make-up codes 1792..2560 shared by both colours).
std::span<const RunCode> WhiteCodes();
std::span<const RunCode> BlackCodes();
// T.4 table 4 (2-D mode codes).
std::span<const ModeCode> ModeCodes();

// Longest run code is 13 bits; longest mode code we look up is 7 bits.
inline constexpr int kRunLookupBits = 13;
inline constexpr int kModeLookupBits = 7;

// A lookup entry: `length` == 0 means no code matches these bits.
struct RunEntry {
  int16_t run = 0;
  uint8_t length = 0;
};
struct ModeEntry {
  Mode mode = Mode::kInvalid;
  int8_t delta = 0;
  uint8_t length = 0;
};

// Indexed by the next kRunLookupBits bits of the stream (first bit in the MSB).
const std::array<RunEntry, 1 << kRunLookupBits>& WhiteLookup();
const std::array<RunEntry, 1 << kRunLookupBits>& BlackLookup();
// Indexed by the next kModeLookupBits bits.
const std::array<ModeEntry, 1 << kModeLookupBits>& ModeLookup();

}  // namespace facteur::ccitt

#endif  // FACTEUR_IMPORT_CCITT_TABLES_H_
