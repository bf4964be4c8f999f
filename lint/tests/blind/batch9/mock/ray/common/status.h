// Ray style Status (stand-in).
#ifndef RAY_COMMON_STATUS_H
#define RAY_COMMON_STATUS_H

#include <string>
#include <utility>

namespace ray {

class Status {
 public:
  Status() = default;
  static Status OK() { return Status(); }
  static Status IOError(std::string msg) { return Status(1, std::move(msg)); }
  static Status Invalid(std::string msg) { return Status(2, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(3, std::move(msg)); }
  static Status Disconnected(std::string msg) { return Status(4, std::move(msg)); }

  bool ok() const { return code_ == 0; }
  bool IsDisconnected() const { return code_ == 4; }
  const std::string& message() const { return msg_; }
  std::string ToString() const { return ok() ? "OK" : msg_; }

 private:
  Status(int code, std::string msg) : code_(code), msg_(std::move(msg)) {}
  int code_ = 0;
  std::string msg_;
};

}  // namespace ray

#endif  // RAY_COMMON_STATUS_H
