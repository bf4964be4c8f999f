// Audit event sink: request handlers append events; a flusher thread takes
// the whole batch and writes it out with the lock released.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace audit {

struct Event {
  std::string actor;
  std::string action;
  int64_t timestamp_ms = 0;
};

class EventSink {
 public:
  using Writer = std::function<bool(const std::vector<Event>&)>;

  explicit EventSink(Writer writer) : writer_(std::move(writer)) {}

  void Append(Event e) {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.push_back(std::move(e));
    if (pending_.size() >= kBatch) cv_.notify_one();
  }

  void Shutdown() {
    std::lock_guard<std::mutex> lock(mu_);
    shutdown_ = true;
    cv_.notify_one();
  }

  // Runs on the flusher thread until Shutdown().
  void FlushLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      cv_.wait_for(lock, std::chrono::seconds(1),
                   [this] { return shutdown_ || pending_.size() >= kBatch; });
      const bool last_round = shutdown_;
      std::vector<Event> batch = std::move(pending_);
      pending_.clear();
      ++flushes_;
      lock.unlock();

      // The writer logs its own failures; a failed batch is dropped.
      if (!batch.empty()) writer_(batch);

      if (last_round) return;
      lock.lock();
    }
  }

  size_t flushes() {
    std::lock_guard<std::mutex> lock(mu_);
    return flushes_;
  }

 private:
  static constexpr size_t kBatch = 256;

  const Writer writer_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Event> pending_;
  bool shutdown_ = false;
  size_t flushes_ = 0;
};

}  // namespace audit
