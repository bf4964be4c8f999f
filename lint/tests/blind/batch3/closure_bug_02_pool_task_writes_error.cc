// Search index builder: BuildAsync() submits a task to a thread pool that
// records the failure in last_error_ with no lock, while Status() reads it
// under mu_ from the admin thread.
#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace search {

class ThreadPool {
 public:
  virtual ~ThreadPool() = default;
  virtual void Submit(std::function<void()> task) = 0;
};

inline bool BuildSegment(const std::string& path) { return !path.empty(); }

class IndexBuilder {
 public:
  explicit IndexBuilder(std::vector<std::string> segments)
      : segments_(std::move(segments)) {}

  void BuildAsync(ThreadPool* pool) {
    pool->Submit([this] {
      for (size_t i = 0; i < segments_.size(); ++i) {
        if (!BuildSegment(segments_[i])) {
          last_error_ =
              "failed to build segment " +
              segments_[i];  // EXPECT: concurrency-closure-captures-mutable
          return;
        }
        built_.fetch_add(1, std::memory_order_relaxed);
      }
    });
  }

  std::string Status() {
    std::lock_guard<std::mutex> lock(mu_);
    return last_error_.empty() ? "ok" : "error: " + last_error_;
  }

  size_t built() const { return built_.load(std::memory_order_relaxed); }

 private:
  const std::vector<std::string> segments_;
  std::mutex mu_;
  std::string last_error_;
  std::atomic<size_t> built_{0};
};

}  // namespace search
