// A small joining thread wrapper (we build with C++17, so no std::jthread)
// and the two places that use it.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace base {

class JoiningThread {
 public:
  JoiningThread() = default;
  template <typename F, typename... Args>
  explicit JoiningThread(F&& f, Args&&... args)
      : thread_(std::forward<F>(f), std::forward<Args>(args)...) {}

  JoiningThread(JoiningThread&& other) noexcept = default;
  JoiningThread& operator=(JoiningThread&& other) noexcept {
    if (this != &other) {
      Join();
      thread_ = std::move(other.thread_);
    }
    return *this;
  }

  ~JoiningThread() { Join(); }

  void Join() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::thread thread_;
};

}  // namespace base

namespace indexer {

uint64_t HashFile(const std::string& path);

bool HashBoth(const std::string& a, const std::string& b, uint64_t* out) {
  uint64_t ha = 0;
  {
    base::JoiningThread t([&ha, &a] { ha = HashFile(a); });
    if (b.empty()) return false;
    *out = HashFile(b);
  }
  *out ^= ha;
  return true;
}

class Heartbeat {
 public:
  void Start() {
    thread_ = base::JoiningThread([this] {
      while (!stop_.load()) {
        beats_.fetch_add(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });
  }
  ~Heartbeat() { stop_.store(true); }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<uint64_t> beats_{0};
  base::JoiningThread thread_;
};

}  // namespace indexer
