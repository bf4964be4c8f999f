// Compiled kernel cache in the style of OpenCV's ocl::Context program cache:
// every cv::dnn / cv::imgproc call that needs a kernel goes through
// getProgram(), from whichever thread runs the algorithm.

#include <map>
#include <string>

#include "mock/opencv_core.h"

namespace cv {
namespace ocl {

class Program {
public:
  Program() = default;
  bool compile(const std::string& source, const std::string& buildOptions);
  bool empty() const { return binary_.empty(); }

private:
  std::string binary_;
};

class ProgramCache {
public:
  // Returns the cached program for (source, options), compiling it on a miss.
  Program* getProgram(const std::string& source, const std::string& buildOptions)
  {
    const std::string key = source + "\n#options " + buildOptions;
    cv::AutoLock lock(mutex_);
    std::map<std::string, Program>::iterator it = cache_.find(key);
    if (it != cache_.end())
    {
      ++hits_;
      return &it->second;  // EXPECT: concurrency-unguarded-field
    }
    Program& program = cache_[key];
    if (!program.compile(source, buildOptions))
    {
      CV_LOG_WARNING(NULL, "OpenCL program build failed: " << buildOptions);
      cache_.erase(key);
      return NULL;
    }
    ++misses_;
    return &program;  // EXPECT: concurrency-unguarded-field
  }

  void clear()
  {
    cv::AutoLock lock(mutex_);
    cache_.clear();
    hits_ = 0;
    misses_ = 0;
  }

  size_t size()
  {
    cv::AutoLock lock(mutex_);
    return cache_.size();
  }

  double hitRatio() const
  {
    const size_t total = hits_ + misses_;  // EXPECT: concurrency-unguarded-field
    return total == 0 ? 0.0 : static_cast<double>(hits_) / total;  // EXPECT: concurrency-unguarded-field
  }

private:
  cv::Mutex mutex_;
  std::map<std::string, Program> cache_;
  size_t hits_ = 0;
  size_t misses_ = 0;
};

}  // namespace ocl
}  // namespace cv
