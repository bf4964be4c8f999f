// Log shipper: reads a configuration once, then worker threads batch and ship
// log lines. The configuration is fixed before any worker starts.
#include <cstddef>
#include <deque>
#include <string>
#include <vector>

#include "boost_thread.h"
#include "task_runner.h"

namespace shipper {

enum class Compression { kNone, kGzip, kZstd };

struct ShipperConfig {
  std::string endpoint;
  size_t batch_lines = 500;
  Compression compression = Compression::kGzip;
};

class Transport {
 public:
  virtual ~Transport() = default;
  virtual runtime::Status Send(const std::string& endpoint,
                               const std::vector<std::string>& lines,
                               Compression c) = 0;
};

class LogShipper {
 public:
  explicit LogShipper(Transport* transport) : transport_(transport) {}

  ~LogShipper() { Stop(); }

  // Must be called before Start(); the workers read config_ without a lock
  // because it never changes once they run.
  void Configure(const ShipperConfig& config) { config_ = config; }

  void Start(int workers) {
    for (int i = 0; i < workers; ++i) {
      threads_.emplace_back([this] { WorkerLoop(); });
    }
  }

  void Stop() {
    {
      boost::lock_guard<boost::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (boost::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
    threads_.clear();
  }

  void Enqueue(std::string line) {
    boost::lock_guard<boost::mutex> lock(mu_);
    lines_.push_back(std::move(line));
    if (lines_.size() >= config_.batch_lines) cv_.notify_one();
  }

 private:
  void WorkerLoop() {
    for (;;) {
      std::vector<std::string> batch;
      {
        boost::unique_lock<boost::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stopping_ || lines_.size() >= config_.batch_lines; });
        if (stopping_ && lines_.empty()) return;
        while (!lines_.empty() && batch.size() < config_.batch_lines) {
          batch.push_back(std::move(lines_.front()));
          lines_.pop_front();
        }
      }
      runtime::Status s = transport_->Send(config_.endpoint, batch, config_.compression);
      if (s != runtime::Status::kOk) {
        runtime::Log("WARN") << "ship to " << config_.endpoint << " failed: "
                             << runtime::StatusName(s);
      }
    }
  }

  Transport* const transport_;
  ShipperConfig config_;
  boost::mutex mu_;
  boost::condition_variable cv_;
  std::deque<std::string> lines_;
  bool stopping_ = false;
  std::vector<boost::thread> threads_;
};

}  // namespace shipper
