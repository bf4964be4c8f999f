// Latency sampler: request threads record samples, the exporter thread
// drains them once a second. Recording must never block a request.

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <utility>
#include <vector>

namespace telemetry {

struct LatencyReport {
  std::vector<double> samples;
  uint64_t dropped = 0;
};

class LatencySampler {
 public:
  explicit LatencySampler(size_t capacity) : capacity_(capacity) {
    samples_.reserve(capacity_);
  }

  void Record(double millis);
  LatencyReport Drain();
  uint64_t TotalDropped();

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::vector<double> samples_;
  uint64_t dropped_ = 0;
  uint64_t total_dropped_ = 0;
};

void LatencySampler::Record(double millis) {
  std::unique_lock<std::mutex> lock(mu_, std::try_to_lock);
  if (!lock.owns_lock()) {
    // Exporter is draining; count the sample as dropped and move on.
    ++dropped_;  // EXPECT: concurrency-unguarded-field
    return;
  }
  if (samples_.size() >= capacity_) {
    ++dropped_;
    return;
  }
  samples_.push_back(millis);
}

LatencyReport LatencySampler::Drain() {
  LatencyReport report;
  std::lock_guard<std::mutex> lock(mu_);
  report.samples.swap(samples_);
  samples_.reserve(capacity_);
  report.dropped = dropped_;
  total_dropped_ += dropped_;
  dropped_ = 0;
  return report;
}

uint64_t LatencySampler::TotalDropped() {
  std::lock_guard<std::mutex> lock(mu_);
  return total_dropped_;
}

}  // namespace telemetry
