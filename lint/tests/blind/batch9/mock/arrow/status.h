// Apache Arrow style Status / Result and ARROW_RETURN_NOT_OK (stand-in).
#ifndef ARROW_STATUS_H
#define ARROW_STATUS_H

#include <string>
#include <utility>

namespace arrow {

enum class StatusCode : char { OK = 0, OutOfMemory = 1, KeyError = 2, Invalid = 4, IOError = 5, Cancelled = 6 };

class Status {
 public:
  Status() : code_(StatusCode::OK) {}
  Status(StatusCode code, std::string msg) : code_(code), msg_(std::move(msg)) {}

  static Status OK() { return Status(); }
  static Status Invalid(std::string msg) { return Status(StatusCode::Invalid, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(StatusCode::IOError, std::move(msg)); }
  static Status KeyError(std::string msg) { return Status(StatusCode::KeyError, std::move(msg)); }
  static Status Cancelled(std::string msg) { return Status(StatusCode::Cancelled, std::move(msg)); }

  bool ok() const { return code_ == StatusCode::OK; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return msg_; }
  std::string ToString() const { return ok() ? "OK" : msg_; }

 private:
  StatusCode code_;
  std::string msg_;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit like arrow::Result
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& ValueOrDie() { return value_; }

 private:
  Status status_;
  T value_{};
};

#define ARROW_RETURN_NOT_OK(status)       \
  do {                                    \
    ::arrow::Status __s = (status);       \
    if (!__s.ok()) return __s;            \
  } while (false)

}  // namespace arrow

#endif  // ARROW_STATUS_H
