// Periodic metrics reporter for the ingestion service.

#include "mock/compat20.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace ingest {

using Sink = std::function<void(const std::string& name, int64_t value)>;

class MetricsReporter {
 public:
  MetricsReporter(Sink sink, std::chrono::milliseconds period)
      : sink_(std::move(sink)), period_(period) {}

  void Increment(const std::string& name, int64_t delta = 1) {
    std::lock_guard<std::mutex> lock(mu_);
    counters_[name] += delta;
  }

  void Set(const std::string& name, int64_t value) {
    std::lock_guard<std::mutex> lock(mu_);
    counters_[name] = value;
  }

  int64_t Get(const std::string& name) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = counters_.find(name);
    return it == counters_.end() ? 0 : it->second;
  }

  void Start() {
    worker_ = compat::jthread([this](compat::stop_token stop) {
      while (!stop.stop_requested()) {
        std::this_thread::sleep_for(period_);
        for (const auto& entry : counters_) {  // EXPECT: concurrency-unguarded-field
          sink_(entry.first, entry.second);
        }
        reports_.fetch_add(1, std::memory_order_relaxed);
      }
    });
  }

  void Stop() {
    worker_.request_stop();
    if (worker_.joinable()) worker_.join();
  }

  int64_t reports() const { return reports_.load(std::memory_order_relaxed); }

 private:
  const Sink sink_;
  const std::chrono::milliseconds period_;

  std::mutex mu_;
  std::map<std::string, int64_t> counters_;
  std::atomic<int64_t> reports_{0};
  compat::jthread worker_;
};

}  // namespace ingest
