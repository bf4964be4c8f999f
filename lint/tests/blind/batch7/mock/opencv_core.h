// Stand-in for the parts of OpenCV's opencv2/core/utility.hpp and
// opencv2/core/utils/logger.hpp used here. OpenCV is not built with clang's
// thread-safety analysis: nothing here is annotated.
#ifndef BATCH7_MOCK_OPENCV_CORE_H_
#define BATCH7_MOCK_OPENCV_CORE_H_

#include <cstdio>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>

namespace cv {

typedef std::recursive_mutex Mutex;
typedef std::lock_guard<cv::Mutex> AutoLock;

Mutex& getInitializationMutex();

class Exception : public std::runtime_error {
public:
  explicit Exception(const std::string& msg) : std::runtime_error(msg) {}
};

namespace utils {
bool getConfigurationParameterBool(const char* name, bool defaultValue);
size_t getConfigurationParameterSizeT(const char* name, size_t defaultValue);
}  // namespace utils

}  // namespace cv

#define CV_Assert(expr)                                                   \
  do {                                                                    \
    if (!(expr)) throw ::cv::Exception(std::string("Assertion: ") + #expr); \
  } while (0)

#define CV_LOG_WARNING(tag, msg)          \
  do {                                    \
    std::ostringstream cv_log_ss;         \
    cv_log_ss << msg;                     \
    std::fputs(cv_log_ss.str().c_str(), stderr); \
  } while (0)

#endif  // BATCH7_MOCK_OPENCV_CORE_H_
