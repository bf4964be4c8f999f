// Minimal stand-in for AOSP's <utils/Errors.h>.
#pragma once

#include <cerrno>
#include <cstdint>

namespace android {

typedef int32_t status_t;

enum {
  OK = 0,
  NO_ERROR = OK,
  UNKNOWN_ERROR = (-2147483647 - 1),
  NO_MEMORY = -ENOMEM,
  INVALID_OPERATION = -ENOSYS,
  BAD_VALUE = -EINVAL,
  NAME_NOT_FOUND = -ENOENT,
  NO_INIT = -ENODEV,
  DEAD_OBJECT = -EPIPE,
  TIMED_OUT = -ETIMEDOUT,
  WOULD_BLOCK = -EWOULDBLOCK,
};

}  // namespace android
