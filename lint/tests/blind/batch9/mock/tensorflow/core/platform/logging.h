// TensorFlow style LOG/VLOG/CHECK (stand-in).
#ifndef TENSORFLOW_CORE_PLATFORM_LOGGING_H_
#define TENSORFLOW_CORE_PLATFORM_LOGGING_H_

#include <cstdlib>
#include <iostream>
#include <sstream>

namespace tensorflow {
namespace internal {

class LogMessage {
 public:
  LogMessage(const char* file, int line, int severity) : severity_(severity) {
    stream_ << file << ":" << line << "] ";
  }
  ~LogMessage() {
    std::cerr << stream_.str() << "\n";
    if (severity_ >= 3) std::abort();
  }
  std::ostream& stream() { return stream_; }

 private:
  int severity_;
  std::ostringstream stream_;
};

}  // namespace internal
}  // namespace tensorflow

#define TF_LOG_INFO 0
#define TF_LOG_WARNING 1
#define TF_LOG_ERROR 2
#define TF_LOG_FATAL 3
#define LOG(severity) ::tensorflow::internal::LogMessage(__FILE__, __LINE__, TF_LOG_##severity).stream()
#define VLOG(level) \
  if ((level) > 1) {} else ::tensorflow::internal::LogMessage(__FILE__, __LINE__, TF_LOG_INFO).stream()
#define CHECK(cond) \
  if (cond) {} else LOG(FATAL) << "Check failed: " #cond " "
#define DCHECK(cond) CHECK(cond)

#endif  // TENSORFLOW_CORE_PLATFORM_LOGGING_H_
