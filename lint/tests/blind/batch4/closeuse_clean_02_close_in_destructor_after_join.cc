// Trace recorder: a writer thread drains trace events to a FILE*. The file
// is closed only in the destructor, after the writer has been joined.

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace tracing {

class TraceRecorder {
 public:
  explicit TraceRecorder(const char* path) : out_(std::fopen(path, "w")) {
    writer_ = std::thread([this] { WriterMain(); });
  }

  ~TraceRecorder() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    writer_.join();
    if (out_ != nullptr) std::fclose(out_);
  }

  void Record(std::string event) {
    std::lock_guard<std::mutex> lock(mu_);
    events_.push_back(std::move(event));
    cv_.notify_one();
  }

 private:
  void WriterMain() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [this] { return stopping_ || !events_.empty(); });
      std::deque<std::string> batch;
      batch.swap(events_);
      const bool last = stopping_;
      lock.unlock();
      if (out_ != nullptr) {
        for (const std::string& e : batch) std::fprintf(out_, "%s\n", e.c_str());
        std::fflush(out_);
      }
      if (last) return;
      lock.lock();
    }
  }

  std::FILE* const out_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> events_;
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace tracing
