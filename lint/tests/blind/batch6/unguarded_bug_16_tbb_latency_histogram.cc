// oneTBB-style latency histogram shared by the request tasks of an arena.
// Record() drops the spin lock early "to keep the critical section short"
// and then updates the running sum outside it; Mean() reads both counters
// with no lock at all.
#include <array>
#include <cstdint>
#include <functional>

#include "mock/tbb_mutex.h"

class LatencyHistogram {
 public:
  static constexpr int kBuckets = 32;

  struct Snapshot {
    std::array<uint64_t, kBuckets> buckets{};
    uint64_t count = 0;
    double sum_micros = 0;
  };

  void Record(double micros) {
    tbb::spin_mutex::scoped_lock lock;
    lock.acquire(mutex_);
    buckets_[BucketFor(micros)]++;
    ++count_;
    lock.release();
    sum_micros_ += micros;  // EXPECT: concurrency-unguarded-field
  }

  void Merge(const Snapshot& other) {
    tbb::spin_mutex::scoped_lock lock(mutex_);
    for (int i = 0; i < kBuckets; ++i) buckets_[i] += other.buckets[i];
    count_ += other.count;
    sum_micros_ += other.sum_micros;
  }

  Snapshot Take() {
    tbb::spin_mutex::scoped_lock lock(mutex_);
    Snapshot s;
    s.buckets = buckets_;
    s.count = count_;
    s.sum_micros = sum_micros_;
    return s;
  }

  void Reset() {
    tbb::spin_mutex::scoped_lock lock(mutex_);
    buckets_.fill(0);
    count_ = 0;
    sum_micros_ = 0;
  }

  // Exported to the dashboard every second.
  double Mean() const {
    return count_ == 0 ? 0.0 : sum_micros_ / static_cast<double>(count_);  // EXPECT: concurrency-unguarded-field
  }

 private:
  static int BucketFor(double micros) {
    int b = 0;
    while (micros >= 2.0 && b < kBuckets - 1) {
      micros /= 2.0;
      ++b;
    }
    return b;
  }

  tbb::spin_mutex mutex_;
  std::array<uint64_t, kBuckets> buckets_{};
  uint64_t count_ = 0;
  double sum_micros_ = 0;
};

void ServeRequests(tbb::task_arena& arena, LatencyHistogram* histogram, int n) {
  for (int i = 0; i < n; ++i) {
    arena.enqueue([histogram, i] { histogram->Record(100.0 + i % 50); });
  }
}
