// A small embedded key-value DB: background jobs append to the info log, an
// optional tracer records operations, and Close() waits for outstanding
// background jobs before closing the info log.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace minidb {

class Executor {
 public:
  virtual ~Executor() = default;
  virtual void Schedule(std::function<void()> fn) = 0;
};

class Tracer {
 public:
  virtual ~Tracer() = default;
  virtual void Trace(const std::string& op, const std::string& key) = 0;
  virtual void Close() = 0;
};

class MiniDB {
 public:
  MiniDB(Executor* executor, std::FILE* info_log) : executor_(executor), info_log_(info_log) {}
  ~MiniDB() { Close(); }

  void StartTracing(std::unique_ptr<Tracer> tracer) {
    std::lock_guard<std::mutex> lock(mu_);
    tracer_ = std::move(tracer);
    tracing_.store(true, std::memory_order_release);
  }

  void EndTracing() {
    std::lock_guard<std::mutex> lock(mu_);
    tracing_.store(false, std::memory_order_release);
    if (tracer_ != nullptr) {
      tracer_->Close();
      tracer_.reset();
    }
  }

  void Put(const std::string& key, const std::string& value) {
    if (tracing_.load(std::memory_order_acquire)) {
      std::lock_guard<std::mutex> lock(mu_);
      if (tracer_ != nullptr) tracer_->Trace("put", key);
    }
    bool schedule = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      memtable_bytes_ += key.size() + value.size();
      if (memtable_bytes_ > kFlushBytes && !shutting_down_) {
        memtable_bytes_ = 0;
        ++bg_jobs_;
        schedule = true;
      }
    }
    if (schedule) executor_->Schedule([this] { BackgroundFlush(); });
  }

  void Close() {
    std::unique_lock<std::mutex> lock(mu_);
    if (closed_) return;
    shutting_down_ = true;
    while (bg_jobs_ > 0) bg_cv_.wait(lock);
    closed_ = true;
    if (tracer_ != nullptr) {
      tracer_->Close();
      tracer_.reset();
    }
    if (info_log_ != nullptr) {
      std::fclose(info_log_);
      info_log_ = nullptr;
    }
  }

 private:
  static constexpr uint64_t kFlushBytes = 4 << 20;

  // Runs on the executor. Close() cannot get past its wait while this runs.
  void BackgroundFlush() {
    std::fprintf(info_log_, "[flush] memtable flushed\n");
    std::fflush(info_log_);
    std::lock_guard<std::mutex> lock(mu_);
    --bg_jobs_;
    ++flushes_;
    bg_cv_.notify_all();
  }

  Executor* const executor_;
  std::FILE* info_log_;

  std::mutex mu_;
  std::condition_variable bg_cv_;
  std::unique_ptr<Tracer> tracer_;
  std::atomic<bool> tracing_{false};
  uint64_t memtable_bytes_ = 0;
  int bg_jobs_ = 0;
  uint64_t flushes_ = 0;
  bool shutting_down_ = false;
  bool closed_ = false;
};

}  // namespace minidb
