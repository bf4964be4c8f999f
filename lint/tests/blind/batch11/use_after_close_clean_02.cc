// Asynchronous trace file writer: a dedicated thread owns the FILE* while
// it runs; Stop() joins the thread before closing the file, and the
// destructor closes whatever is left.
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace tracing {

class AsyncTraceWriter {
 public:
  ~AsyncTraceWriter() {
    Stop();
    if (fp_ != nullptr) std::fclose(fp_);
  }

  bool Start(const std::string& path) {
    fp_ = std::fopen(path.c_str(), "w");
    if (fp_ == nullptr) return false;
    writer_ = std::thread(&AsyncTraceWriter::WriterLoop, this);
    return true;
  }

  void Write(std::string event) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.push_back(std::move(event));
    }
    cv_.notify_one();
  }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    if (writer_.joinable()) writer_.join();
    if (fp_ != nullptr) {
      std::fclose(fp_);
      fp_ = nullptr;
    }
  }

 private:
  void WriterLoop() {
    for (;;) {
      std::string event;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) return;
        event = std::move(queue_.front());
        queue_.pop_front();
      }
      std::fputs(event.c_str(), fp_);
      std::fputc('\n', fp_);
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> queue_;
  bool stop_ = false;
  FILE* fp_ = nullptr;
  std::thread writer_;
};

}  // namespace tracing
