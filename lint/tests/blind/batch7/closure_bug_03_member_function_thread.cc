// Metrics pusher of a service agent: a background thread pushes the drained
// samples to the collector every interval. The collector endpoint is changed
// by the config-reload thread through SetEndpoint().

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "mock/metrics_sample.h"

namespace agent {

class MetricsPusher {
 public:
  explicit MetricsPusher(std::string endpoint) : endpoint_(std::move(endpoint)) {}
  ~MetricsPusher() { Stop(); }

  void Start() { thread_ = std::thread(&MetricsPusher::Run, this); }

  void Stop() {
    stop_.store(true, std::memory_order_relaxed);
    if (thread_.joinable()) thread_.join();
  }

  void SetEndpoint(std::string endpoint) { endpoint_ = std::move(endpoint); }

  void Record(std::string name, double value) {
    std::lock_guard<std::mutex> lock(samples_mu_);
    samples_.push_back({std::move(name), value});
  }

 private:
  void Run() {
    while (!stop_.load(std::memory_order_relaxed)) {
      std::this_thread::sleep_for(std::chrono::seconds(10));
      std::vector<Sample> batch = Drain();
      if (!batch.empty()) PushSamples(endpoint_, batch);  // EXPECT: concurrency-closure-captures-mutable
    }
  }

  std::vector<Sample> Drain() {
    std::lock_guard<std::mutex> lock(samples_mu_);
    std::vector<Sample> out;
    out.swap(samples_);
    return out;
  }

  std::string endpoint_;
  std::mutex samples_mu_;
  std::vector<Sample> samples_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace agent
