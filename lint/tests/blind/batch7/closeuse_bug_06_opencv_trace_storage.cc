// Trace storage in the style of OpenCV's cv::utils::trace SyncTraceStorage:
// every instrumented region on every thread puts a message; the trace
// manager closes the storage at exit or when tracing is switched off.

#include <cstdio>
#include <string>

#include "mock/opencv_core.h"

namespace cv {
namespace utils {
namespace trace {

struct TraceMessage {
  char buffer[1024];
  size_t printf_pos;
};

class SyncTraceStorage {
public:
  explicit SyncTraceStorage(const std::string& filename)
    : out_(fopen(filename.c_str(), "wb")), name_(filename) {}

  bool put(const TraceMessage& msg) const
  {
    if (out_ != NULL) fputs(msg.buffer, out_);  // EXPECT: concurrency-use-after-close
    return true;
  }

  bool flush()
  {
    if (out_ != NULL) fflush(out_);  // EXPECT: concurrency-use-after-close
    return true;
  }

  void close()
  {
    cv::AutoLock lock(mutex_);
    if (out_ != NULL)
    {
      fclose(out_);
      out_ = NULL;
    }
  }

  const std::string& name() const { return name_; }

private:
  mutable cv::Mutex mutex_;
  FILE* out_;
  const std::string name_;
};

}  // namespace trace
}  // namespace utils
}  // namespace cv
