// Ray style RAY_LOG / RAY_CHECK (stand-in).
#ifndef RAY_UTIL_LOGGING_H
#define RAY_UTIL_LOGGING_H

#include <cstdlib>
#include <iostream>
#include <sstream>

namespace ray {

enum class RayLogLevel { DEBUG = -1, INFO = 0, WARNING = 1, ERROR = 2, FATAL = 3 };

class RayLog {
 public:
  RayLog(const char* file, int line, RayLogLevel severity) : severity_(severity) {
    stream_ << file << ":" << line << ": ";
  }
  ~RayLog() {
    std::cerr << stream_.str() << std::endl;
    if (severity_ == RayLogLevel::FATAL) std::abort();
  }
  std::ostream& Stream() { return stream_; }

 private:
  RayLogLevel severity_;
  std::ostringstream stream_;
};

}  // namespace ray

#define RAY_LOG(level) ::ray::RayLog(__FILE__, __LINE__, ::ray::RayLogLevel::level).Stream()
#define RAY_CHECK(cond) \
  if (cond) {} else RAY_LOG(FATAL) << " Check failed: " #cond " "

#endif  // RAY_UTIL_LOGGING_H
