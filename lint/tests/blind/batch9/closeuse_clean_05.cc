// Captures a child process's stderr: the reader thread owns the pipe's read
// end for its whole life (it reads and closes it); other threads only see
// the collected lines under the mutex. A helper copies a file and closes it
// in the same function.
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace procutil {

class StderrCapture {
 public:
  // Takes ownership of `read_fd`, the read end of the child's stderr pipe.
  explicit StderrCapture(int read_fd) : pipe_fd_(read_fd) {}

  ~StderrCapture() { Join(); }

  void Start() { reader_ = std::thread(&StderrCapture::ReadLoop, this); }

  // Blocks until the child closes its end of the pipe.
  void Join() {
    if (reader_.joinable()) reader_.join();
  }

  std::vector<std::string> Lines() {
    std::lock_guard<std::mutex> lock(mu_);
    return lines_;
  }

  std::string Tail(size_t n) {
    std::lock_guard<std::mutex> lock(mu_);
    std::string out;
    const size_t start = lines_.size() > n ? lines_.size() - n : 0;
    for (size_t i = start; i < lines_.size(); ++i) out += lines_[i] + "\n";
    return out;
  }

 private:
  void ReadLoop() {
    char buf[4096];
    std::string partial;
    for (;;) {
      const ssize_t n = ::read(pipe_fd_, buf, sizeof(buf));
      if (n <= 0) break;
      partial.append(buf, static_cast<size_t>(n));
      size_t pos;
      while ((pos = partial.find('\n')) != std::string::npos) {
        std::lock_guard<std::mutex> lock(mu_);
        lines_.push_back(partial.substr(0, pos));
        partial.erase(0, pos + 1);
      }
    }
    ::close(pipe_fd_);
    pipe_fd_ = -1;
    if (!partial.empty()) {
      std::lock_guard<std::mutex> lock(mu_);
      lines_.push_back(std::move(partial));
    }
  }

  int pipe_fd_;  // owned by the reader thread
  std::thread reader_;
  std::mutex mu_;
  std::vector<std::string> lines_;
};

// Creates the pipe whose write end becomes the child's stderr.
bool MakeStderrPipe(int* read_end, int* write_end) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  *read_end = fds[0];
  *write_end = fds[1];
  return true;
}

// Copies `src` to `dst`; both descriptors are opened and closed here.
bool CopyFile(const std::string& src, const std::string& dst) {
  const int in = ::open(src.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return false;
  const int out = ::open(dst.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out < 0) {
    ::close(in);
    return false;
  }
  char buf[1 << 15];
  bool ok = true;
  for (;;) {
    const ssize_t n = ::read(in, buf, sizeof(buf));
    if (n == 0) break;
    if (n < 0 || ::write(out, buf, static_cast<size_t>(n)) != n) {
      ok = false;
      break;
    }
  }
  ::close(in);
  if (::close(out) != 0) ok = false;
  return ok;
}

}  // namespace procutil
