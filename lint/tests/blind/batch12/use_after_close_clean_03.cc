// Async file writer of an upload service. Request threads submit chunks,
// a pool of writer threads pwrite() them, and Close() waits until every
// submitted chunk is written before it closes the descriptor.

#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace upload {

class ChunkWriter {
 public:
  ChunkWriter(int fd, size_t num_threads) : fd_(fd) {
    for (size_t i = 0; i < num_threads; ++i) {
      threads_.emplace_back([this] { WriterLoop(); });
    }
  }

  ~ChunkWriter() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    work_cv_.notify_all();
    for (auto& t : threads_) t.join();
  }

  void Submit(int64_t offset, std::string data) {
    std::lock_guard<std::mutex> lock(mu_);
    ++inflight_;
    queue_.emplace_back(offset, std::move(data));
    work_cv_.notify_one();
  }

  // Returns once every submitted chunk has been written.
  int Close() {
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [this] { return inflight_ == 0; });
    const int rc = ::fsync(fd_);
    ::close(fd_);
    fd_ = -1;
    return rc;
  }

 private:
  void WriterLoop() {
    for (;;) {
      std::pair<int64_t, std::string> chunk;
      int fd;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        chunk = std::move(queue_.front());
        queue_.pop_front();
        fd = fd_;
      }
      ::pwrite(fd, chunk.second.data(), chunk.second.size(), static_cast<off_t>(chunk.first));
      std::lock_guard<std::mutex> lock(mu_);
      if (--inflight_ == 0) done_cv_.notify_all();
    }
  }

  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  int fd_;
  std::deque<std::pair<int64_t, std::string>> queue_;
  size_t inflight_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace upload
