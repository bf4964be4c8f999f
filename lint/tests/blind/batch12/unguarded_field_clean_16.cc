// Line assembler for a child process's stderr. A reader thread feeds raw
// chunks; complete lines are handed to consumers, who drain them from any
// thread. The partial line being assembled belongs to the reader thread.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace subprocess {

// Runs |fn| while holding |mu|.
template <typename Fn>
auto WithLock(std::mutex& mu, Fn&& fn) {
  std::lock_guard<std::mutex> lock(mu);
  return fn();
}

// Releases a held unique_lock for the enclosing scope.
class ReverseLock {
 public:
  explicit ReverseLock(std::unique_lock<std::mutex>& lock) : lock_(lock) { lock_.unlock(); }
  ~ReverseLock() { lock_.lock(); }
  ReverseLock(const ReverseLock&) = delete;
  ReverseLock& operator=(const ReverseLock&) = delete;

 private:
  std::unique_lock<std::mutex>& lock_;
};

class ChunkSource {
 public:
  virtual ~ChunkSource() = default;
  // Blocks; returns false at end of stream.
  virtual bool Next(std::string* chunk) = 0;
};

class LineAssembler {
 public:
  explicit LineAssembler(ChunkSource* source) : source_(source) {}

  ~LineAssembler() { Join(); }

  void Start() { reader_ = std::thread([this] { ReadLoop(); }); }

  void Join() {
    if (reader_.joinable()) reader_.join();
  }

  std::vector<std::string> Drain() {
    return WithLock(mu_, [&] {
      std::vector<std::string> out(lines_.begin(), lines_.end());
      lines_.clear();
      return out;
    });
  }

  // Waits until a line is available or the stream ended.
  bool WaitForLine(std::string* line) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return !lines_.empty() || eof_; });
    if (lines_.empty()) return false;
    *line = std::move(lines_.front());
    lines_.pop_front();
    return true;
  }

 private:
  void ReadLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      std::string chunk;
      bool more;
      {
        ReverseLock unlocked(lock);
        more = source_->Next(&chunk);
      }
      if (!more) break;
      for (char c : chunk) {
        if (c != '\n') {
          partial_.push_back(c);
          continue;
        }
        lines_.push_back(std::move(partial_));
        partial_.clear();
      }
      cv_.notify_all();
    }
    if (!partial_.empty()) lines_.push_back(std::move(partial_));
    eof_ = true;
    cv_.notify_all();
  }

  ChunkSource* const source_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> lines_;
  bool eof_ = false;

  // Owned by the reader thread.
  std::string partial_;

  std::thread reader_;
};

}  // namespace subprocess
