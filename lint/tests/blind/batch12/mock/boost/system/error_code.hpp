// Minimal stand-in for <boost/system/error_code.hpp>.
#pragma once

#include <string>

namespace boost {
namespace system {

class error_code {
 public:
  error_code() noexcept = default;
  error_code(int v) noexcept : value_(v) {}
  int value() const noexcept { return value_; }
  std::string message() const;
  explicit operator bool() const noexcept { return value_ != 0; }
  bool operator!() const noexcept { return value_ == 0; }
  bool operator==(const error_code& o) const noexcept { return value_ == o.value_; }
  bool operator!=(const error_code& o) const noexcept { return value_ != o.value_; }

 private:
  int value_ = 0;
};

}  // namespace system
}  // namespace boost
