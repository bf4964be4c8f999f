// Metrics flusher started at process start-up: the detached thread loops
// forever with no stop path, and keeps calling into the sink while static
// destructors run at exit.
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace metrics {

class MetricsSink {
 public:
  void Add(const std::string& name, int64_t v) {
    std::lock_guard<std::mutex> lock(mu_);
    pending_[name] += v;
  }
  void Flush() {
    std::map<std::string, int64_t> batch;
    {
      std::lock_guard<std::mutex> lock(mu_);
      batch.swap(pending_);
    }
    (void)batch;
  }

 private:
  std::mutex mu_;
  std::map<std::string, int64_t> pending_;
};

inline void StartMetricsFlusher(std::shared_ptr<MetricsSink> sink, std::chrono::seconds period) {
  std::thread flusher([sink, period] {
    for (;;) {
      sink->Flush();
      std::this_thread::sleep_for(period);
    }
  });
  flusher.detach();  // EXPECT: concurrency-thread-leak
}

}  // namespace metrics
