// OpenCL-style kernel cache for an image pipeline. The compiled program is
// created on first use with double-checked locking on an atomic pointer
// (acquire on the fast path, release when publishing); the process-wide
// initialization mutex is a function-local static.

#include <atomic>
#include <map>
#include <mutex>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/core/utility.hpp>

namespace ocl_lite {

class Program {
 public:
  explicit Program(const std::string& source);
  bool run(const std::string& kernel, const cv::Mat& src, cv::Mat& dst) const;
};

inline cv::Mutex& programMutex() {
  static cv::Mutex* m = new cv::Mutex();
  return *m;
}

class ResizeKernels {
 public:
  ResizeKernels() = default;
  ~ResizeKernels() { delete program_.load(std::memory_order_acquire); }

  bool resize(const cv::Mat& src, cv::Mat& dst, bool linear) {
    const Program* p = program();
    if (p == nullptr) return false;
    {
      cv::AutoLock lock(statsMutex_);
      ++calls_[linear ? "resize_linear" : "resize_nearest"];
    }
    return p->run(linear ? "resize_linear" : "resize_nearest", src, dst);
  }

  std::map<std::string, int> callCounts() const {
    cv::AutoLock lock(statsMutex_);
    return calls_;
  }

 private:
  const Program* program() {
    Program* p = program_.load(std::memory_order_acquire);
    if (p == nullptr) {
      cv::AutoLock lock(programMutex());
      p = program_.load(std::memory_order_relaxed);
      if (p == nullptr) {
        p = new Program(kSource);
        program_.store(p, std::memory_order_release);
      }
    }
    return p;
  }

  static constexpr const char* kSource = "__kernel void resize_linear() {} __kernel void resize_nearest() {}";

  std::atomic<Program*> program_{nullptr};
  mutable cv::Mutex statsMutex_;
  std::map<std::string, int> calls_;
};

// Runs the resize on every frame of a batch in parallel.
inline void resizeAll(ResizeKernels& k, const std::vector<cv::Mat>& in, std::vector<cv::Mat>& out) {
  out.resize(in.size());
  cv::parallel_for_(cv::Range(0, static_cast<int>(in.size())), [&](const cv::Range& r) {
    for (int i = r.start; i < r.end; ++i) k.resize(in[static_cast<size_t>(i)], out[static_cast<size_t>(i)], true);
  });
}

}  // namespace ocl_lite
