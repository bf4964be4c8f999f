// Log flusher: the destructor sets stop_ (read by the wait predicate) under
// the lock and notifies before joining. The compactor thread waits with a
// timeout, and the checksum runs as a std::async future.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace logstore {

class Flusher {
 public:
  Flusher() : thread_(&Flusher::Run, this), compactor_(&Flusher::CompactLoop, this) {}

  ~Flusher() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    records_ready_.notify_all();
    if (thread_.joinable()) thread_.join();
    if (compactor_.joinable()) compactor_.join();
  }

  void Append(std::string record) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      records_.push_back(std::move(record));
    }
    records_ready_.notify_one();
  }

  std::future<uint32_t> ChecksumAsync(std::string data) {
    return std::async(std::launch::async, [data = std::move(data)] {
      uint32_t sum = 0;
      for (unsigned char c : data) sum = sum * 31 + c;
      return sum;
    });
  }

 private:
  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
      records_ready_.wait(lock, [this] { return stop_ || !records_.empty(); });
      records_.clear();
    }
  }

  void CompactLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) compact_tick_.wait_for(lock, std::chrono::seconds(1));
  }

  std::mutex mu_;
  std::condition_variable records_ready_;
  std::condition_variable compact_tick_;
  std::vector<std::string> records_;
  bool stop_ = false;
  std::thread thread_;
  std::thread compactor_;
};

}  // namespace logstore
