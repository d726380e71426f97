#include <catch2/catch.hpp>

#include "facteur/status.h"

using facteur::Err;
using facteur::Result;
using facteur::Status;

namespace {
Result<int> Half(int x) {
  if (x % 2) return Err(Status::InvalidArgument("odd: " + std::to_string(x)));
  return x / 2;
}
}  // namespace

TEST_CASE("Status carries a code and a message with context first", "[core]") {
  Status s = Status::Corrupt("LZW decode failed").WithContext("scan.tif page 3");
  CHECK_FALSE(s.ok());
  CHECK(s.code() == Status::Code::kCorrupt);
  CHECK(s.message() == "scan.tif page 3: LZW decode failed");
  CHECK(s.ToString() == "corrupt: scan.tif page 3: LZW decode failed");
  CHECK(Status::OK().ok());
  CHECK(Status::OK().WithContext("x").ok());
}

TEST_CASE("Result holds a value or a Status", "[core]") {
  CHECK(Half(4).value() == 2);
  auto r = Half(3);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message() == "odd: 3");
}
