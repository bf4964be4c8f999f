// PyTorch c10 style TORCH_CHECK / TORCH_WARN (stand-in).
#ifndef C10_UTIL_EXCEPTION_H_
#define C10_UTIL_EXCEPTION_H_

#include <cstdio>
#include <stdexcept>
#include <string>

namespace c10 {
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& msg) : std::runtime_error(msg) {}
};
}  // namespace c10

#define TORCH_CHECK(cond, msg)                       \
  do {                                               \
    if (!(cond)) throw ::c10::Error(std::string(msg)); \
  } while (0)
#define TORCH_INTERNAL_ASSERT(cond) TORCH_CHECK(cond, "internal assert failed: " #cond)
#define TORCH_WARN(msg) std::fprintf(stderr, "Warning: %s\n", std::string(msg).c_str())

#endif  // C10_UTIL_EXCEPTION_H_
