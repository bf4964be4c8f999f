#include "client/printing.h"

#include <charconv>
#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"

namespace lockstep::internal {

std::string PrintFloat(double value) {
  if (std::isnan(value)) return std::signbit(value) ? "-nan" : "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  // The shortest form that reads back as the same double: a shrunk float
  // is often a round number, and a report must not hide the last digits.
  char buffer[64];
  std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof(buffer), value);
  std::string out(buffer, result.ptr);
  if (out == "0" && std::signbit(value)) return "-0";
  return out;
}

std::string PrintBytes(const unsigned char* bytes, size_t size) {
  std::string out = absl::StrCat("<", size, "-byte object");
  for (size_t i = 0; i < size; ++i) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += ' ';
    out += kHex[bytes[i] >> 4];
    out += kHex[bytes[i] & 0xF];
  }
  return out + ">";
}

}  // namespace lockstep::internal
