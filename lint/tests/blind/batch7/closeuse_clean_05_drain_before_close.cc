// Spool file of a mail transfer agent's delivery queue. Delivery threads
// write without holding the lock, bracketed by an in-flight count; Close()
// stops new writers and waits until the count drains before it closes the
// descriptor, so no write can run after the close.

#include <fcntl.h>
#include <unistd.h>

#include <condition_variable>
#include <mutex>
#include <string>

#include "mock/mta_message.h"

namespace mta {

class SpoolFile {
 public:
  explicit SpoolFile(const std::string& path)
      : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600)) {}

  ~SpoolFile() {
    if (fd_ >= 0) ::close(fd_);
  }

  bool Write(const QueuedMessage& queued) {
    const std::string message = SpoolRecord(queued);
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (closing_) return false;
      ++in_flight_;
    }
    const bool ok = ::write(fd_, message.data(), message.size()) ==
                    static_cast<ssize_t>(message.size());
    {
      std::lock_guard<std::mutex> lock(mu_);
      --in_flight_;
    }
    drained_cv_.notify_all();
    return ok;
  }

  void Close() {
    {
      std::unique_lock<std::mutex> lock(mu_);
      if (closing_) return;
      closing_ = true;
      drained_cv_.wait(lock, [this] { return in_flight_ == 0; });
    }
    ::close(fd_);
    fd_ = -1;
  }

 private:
  std::mutex mu_;
  std::condition_variable drained_cv_;
  bool closing_ = false;
  int in_flight_ = 0;
  int fd_;
};

}  // namespace mta
