// TensorFlow style Status and errors:: helpers (stand-in over absl::Status).
#ifndef TENSORFLOW_CORE_LIB_CORE_STATUS_H_
#define TENSORFLOW_CORE_LIB_CORE_STATUS_H_

#include <string>

#include "absl/status/status.h"

namespace tensorflow {

using Status = absl::Status;

inline Status OkStatus() { return absl::OkStatus(); }

namespace errors {
inline Status NotFound(const std::string& msg) { return absl::NotFoundError(msg); }
inline Status InvalidArgument(const std::string& msg) { return absl::InvalidArgumentError(msg); }
inline Status FailedPrecondition(const std::string& msg) {
  return absl::FailedPreconditionError(msg);
}
inline Status Cancelled(const std::string& msg) { return absl::CancelledError(msg); }
inline Status ResourceExhausted(const std::string& msg) {
  return absl::ResourceExhaustedError(msg);
}
inline Status Unavailable(const std::string& msg) { return absl::UnavailableError(msg); }
}  // namespace errors

#define TF_RETURN_IF_ERROR(expr)         \
  do {                                   \
    ::tensorflow::Status _s = (expr);    \
    if (!_s.ok()) return _s;             \
  } while (0)

}  // namespace tensorflow

#endif  // TENSORFLOW_CORE_LIB_CORE_STATUS_H_
