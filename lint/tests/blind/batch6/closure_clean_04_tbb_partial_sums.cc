// oneTBB-style histogram build: each thread gets its own slot of a local
// vector (captured by reference, indexed by the thread's own number) and
// the slots are combined after every thread has been joined.
#include <cstdint>
#include <thread>
#include <vector>

#include "mock/tbb_mutex.h"

struct Histogram {
  std::vector<uint64_t> buckets = std::vector<uint64_t>(64, 0);
};

class HistogramBuilder {
 public:
  explicit HistogramBuilder(unsigned threads) : threads_(threads == 0 ? 1 : threads) {}

  Histogram Build(const std::vector<uint32_t>& values) {
    std::vector<Histogram> partial(threads_);
    std::vector<std::thread> workers;
    const size_t chunk = (values.size() + threads_ - 1) / threads_;
    for (unsigned t = 0; t < threads_; ++t) {
      workers.emplace_back([&partial, &values, t, chunk] {
        Histogram& mine = partial[t];
        size_t begin = t * chunk;
        size_t end = begin + chunk < values.size() ? begin + chunk : values.size();
        for (size_t i = begin; i < end; ++i) mine.buckets[values[i] % 64]++;
      });
    }
    for (std::thread& w : workers) w.join();

    Histogram total;
    for (const Histogram& h : partial) {
      for (size_t b = 0; b < total.buckets.size(); ++b) total.buckets[b] += h.buckets[b];
    }
    tbb::spin_mutex::scoped_lock lock(mutex_);
    ++builds_;
    return total;
  }

  uint64_t builds() {
    tbb::spin_mutex::scoped_lock lock(mutex_);
    return builds_;
  }

 private:
  const unsigned threads_;
  tbb::spin_mutex mutex_;
  uint64_t builds_ = 0;
};
