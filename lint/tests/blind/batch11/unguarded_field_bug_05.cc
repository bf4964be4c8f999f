// Latency histogram that request threads record into. Snapshots for the
// metrics exporter are taken by copying the histogram.
#include <array>
#include <cstdint>
#include <mutex>
#include <string>

namespace metrics {

class LatencyHistogram {
 public:
  static constexpr int kBuckets = 16;

  explicit LatencyHistogram(std::string name) : name_(std::move(name)) {}

  LatencyHistogram(const LatencyHistogram& other)
      : name_(other.name_),
        buckets_(other.buckets_),  // EXPECT: concurrency-unguarded-field
        count_(0) {
    std::lock_guard<std::mutex> lock(other.mu_);
    count_ = other.count_;
  }

  void Record(uint64_t micros) {
    int bucket = 0;
    while (bucket + 1 < kBuckets && (uint64_t{1} << (bucket + 1)) <= micros) ++bucket;
    std::lock_guard<std::mutex> lock(mu_);
    ++buckets_[bucket];
    ++count_;
  }

  uint64_t Count() const {
    std::lock_guard<std::mutex> lock(mu_);
    return count_;
  }

  uint64_t Bucket(int i) const {
    std::lock_guard<std::mutex> lock(mu_);
    return buckets_[i];
  }

  void Clear() {
    std::lock_guard<std::mutex> lock(mu_);
    buckets_.fill(0);
    count_ = 0;
  }

  const std::string& name() const { return name_; }

 private:
  const std::string name_;
  mutable std::mutex mu_;
  std::array<uint64_t, kBuckets> buckets_{};
  uint64_t count_ = 0;
};

LatencyHistogram SnapshotForExport(const LatencyHistogram& live) { return live; }

}  // namespace metrics
