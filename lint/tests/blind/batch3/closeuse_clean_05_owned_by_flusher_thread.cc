// Spill manager: spill_file_ is documented as owned by the flusher thread,
// which both writes and rotates it; index_fd_ is documented "guarded by mu_"
// and every access holds mu_. The queue between threads is under mu_ too.
#include <unistd.h>

#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <utility>

namespace spill {

class SpillManager {
 public:
  explicit SpillManager(int index_fd) : index_fd_(index_fd) {}

  void Enqueue(std::string block) {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(block));
  }

  // Flusher thread.
  void FlushPending() {
    std::deque<std::string> blocks;
    {
      std::lock_guard<std::mutex> lock(mu_);
      blocks.swap(queue_);
    }
    if (spill_file_ == nullptr) return;
    for (const std::string& b : blocks) std::fwrite(b.data(), 1, b.size(), spill_file_);
  }

  // Flusher thread.
  void Rotate(const std::string& next_path) {
    if (spill_file_ != nullptr) std::fclose(spill_file_);
    spill_file_ = std::fopen(next_path.c_str(), "w");
  }

  void WriteIndex(const std::string& entry) {
    std::lock_guard<std::mutex> lock(mu_);
    if (index_fd_ >= 0) ::write(index_fd_, entry.data(), entry.size());
  }

  void CloseIndex() {
    std::lock_guard<std::mutex> lock(mu_);
    ::close(index_fd_);
    index_fd_ = -1;
  }

 private:
  std::mutex mu_;
  std::deque<std::string> queue_;
  std::FILE* spill_file_ = nullptr;  // owned by the flusher thread
  int index_fd_;  // guarded by mu_
};

}  // namespace spill
