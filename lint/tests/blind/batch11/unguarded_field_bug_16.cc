// A bounded work queue template used by the ingestion pipeline. The
// project wraps its lock guards in a macro that names the guard variable
// after the line it is on.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

#define INGEST_CONCAT_INNER(a, b) a##b
#define INGEST_CONCAT(a, b) INGEST_CONCAT_INNER(a, b)
#define SCOPED_LOCK(mu) std::lock_guard<std::mutex> INGEST_CONCAT(scoped_lock_, __LINE__)(mu)

namespace ingest {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

  bool TryPush(T item) {
    SCOPED_LOCK(mu_);
    if (items_.size() >= capacity_) {
      ++rejected_;
      return false;
    }
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  T Pop() {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [this] { return !items_.empty(); });
    T item = std::move(items_.front());
    items_.pop_front();
    return item;
  }

  size_t rejected() const {
    SCOPED_LOCK(mu_);
    return rejected_;
  }

  // Exported as a gauge by the metrics thread.
  size_t depth() const {
    return items_.size();  // EXPECT: concurrency-unguarded-field
  }

 private:
  const size_t capacity_;
  mutable std::mutex mu_;
  std::condition_variable not_empty_;
  std::deque<T> items_;
  size_t rejected_ = 0;
};

struct Document {
  std::string id;
  std::string body;
};

// The pipeline's only instantiation.
template class BoundedQueue<Document>;

size_t PipelineDepth(const BoundedQueue<Document>& q) { return q.depth(); }

}  // namespace ingest
