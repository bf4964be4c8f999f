// sampler.cpp - samples process metrics on a background thread and pushes
// them to the configured exporter.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace metrics {

struct Sample {
  std::string name;
  double value;
};

class Sampler {
 public:
  Sampler() = default;
  ~Sampler() { Stop(); }

  void Start() {
    running_ = true;
    thread_ = std::thread(&Sampler::Run, this);
  }

  void Stop() {
    running_ = false;
    if (thread_.joinable()) thread_.join();
  }

  // Changes the prefix every exported metric name gets.
  void SetPrefix(const std::string& prefix) { prefix_ = prefix; }

  std::vector<Sample> Drain() {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<Sample> out;
    out.swap(pending_);
    return out;
  }

 private:
  void Run() {
    while (running_) {
      Sample s{prefix_ + "rss_bytes", ReadRss()};  // EXPECT: concurrency-closure-captures-mutable
      {
        std::lock_guard<std::mutex> lock(mu_);
        pending_.push_back(std::move(s));
      }
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  }

  static double ReadRss() { return 42.0 * 1024 * 1024; }

  std::atomic<bool> running_{false};
  std::thread thread_;
  std::mutex mu_;
  std::vector<Sample> pending_;
  std::string prefix_ = "proc.";
};

}  // namespace metrics

void Configure(metrics::Sampler& s, const std::string& service) {
  s.Start();
  s.SetPrefix(service + ".");
}
