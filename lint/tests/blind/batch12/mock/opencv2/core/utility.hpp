// Minimal stand-in for OpenCV's <opencv2/core/utility.hpp>: the mutex
// typedefs and the parallel_for_ framework.
#pragma once

#include <functional>
#include <mutex>

namespace cv {

typedef std::recursive_mutex Mutex;
typedef std::lock_guard<cv::Mutex> AutoLock;

class Range {
 public:
  Range() : start(0), end(0) {}
  Range(int _start, int _end) : start(_start), end(_end) {}
  int size() const { return end - start; }
  bool empty() const { return start == end; }
  static Range all() { return Range(-2147483647 - 1, 2147483647); }

  int start, end;
};

// The body of a parallel loop. operator() is invoked concurrently from the
// worker threads of the parallel backend, each call with a disjoint stripe.
class ParallelLoopBody {
 public:
  virtual ~ParallelLoopBody();
  virtual void operator()(const Range& range) const = 0;
};

// Runs |body| over |range| on the parallel backend and returns when every
// stripe has finished.
void parallel_for_(const Range& range, const ParallelLoopBody& body, double nstripes = -1.);

void parallel_for_(const Range& range, std::function<void(const Range&)> functor,
                   double nstripes = -1.);

int getNumThreads();
void setNumThreads(int nthreads);
int getThreadNum();
int64_t getTickCount();
double getTickFrequency();

// Process-wide mutex used by OpenCV's own lazy initialization.
cv::Mutex& getInitializationMutex();

}  // namespace cv
