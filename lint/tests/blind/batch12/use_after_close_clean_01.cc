// Spills sorted runs to a temporary file while a merge thread reads back
// the runs spilled so far. The sorting thread calls AppendRun() and then
// Finish(), which joins the merge thread before it closes the file.

#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace extsort {

class SpillFile {
 public:
  explicit SpillFile(std::string path) : path_(std::move(path)) {}

  ~SpillFile() {
    if (merger_.joinable()) merger_.join();
    if (!closed_ && fd_ >= 0) ::close(fd_);
  }

  bool Open() {
    std::lock_guard<std::mutex> lock(mu_);
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
    return fd_ >= 0;
  }

  // Appends one run; returns its offset.
  int64_t AppendRun(const std::vector<int64_t>& run) {
    std::lock_guard<std::mutex> lock(mu_);
    const int64_t offset = end_;
    const ssize_t n = ::pwrite(fd_, run.data(), run.size() * sizeof(int64_t), static_cast<off_t>(offset));
    if (n > 0) end_ += n;
    runs_.push_back({offset, static_cast<int64_t>(run.size())});
    return offset;
  }

  void StartMerger() {
    merger_ = std::thread([this] { MergeLoop(); });
  }

  // Waits for the merge of everything spilled so far, then closes the file.
  int64_t Finish() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      finishing_ = true;
    }
    merger_.join();
    const int64_t merged = merged_values_;
    ::fsync(fd_);
    ::close(fd_);
    closed_ = true;
    return merged;
  }

 private:
  struct Run {
    int64_t offset;
    int64_t count;
  };

  void MergeLoop() {
    size_t next = 0;
    std::vector<int64_t> buf;
    for (;;) {
      Run run{0, 0};
      bool have_run = false;
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (next < runs_.size()) {
          run = runs_[next++];
          buf.resize(static_cast<size_t>(run.count));
          ::pread(fd_, buf.data(), buf.size() * sizeof(int64_t), static_cast<off_t>(run.offset));
          have_run = true;
        } else if (finishing_) {
          return;
        }
      }
      if (!have_run) {
        std::this_thread::yield();
        continue;
      }
      merged_values_ += run.count;
    }
  }

  const std::string path_;
  std::mutex mu_;
  int fd_ = -1;
  int64_t end_ = 0;
  std::vector<Run> runs_;
  bool finishing_ = false;
  bool closed_ = false;
  // Owned by the merge thread until Finish() joins it.
  int64_t merged_values_ = 0;
  std::thread merger_;
};

}  // namespace extsort
