// Bounded multi-producer / multi-consumer queue used between the parser
// stage and the indexer stage of the ingestion pipeline.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace ingest {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

  bool Push(T item) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [this] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  std::optional<T> Pop() {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [this] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

  // For the pipeline's progress display.
  size_t size() const {
    return items_.size();  // EXPECT: concurrency-unguarded-field
  }

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  std::deque<T> items_;
  bool closed_ = false;
};

struct ParsedDocument {
  std::string id;
  std::string body;
};

size_t Backlog(const BoundedQueue<ParsedDocument>& queue) { return queue.size(); }

void Feed(BoundedQueue<ParsedDocument>& queue, ParsedDocument doc) {
  if (!queue.Push(std::move(doc))) return;
}

std::optional<ParsedDocument> Next(BoundedQueue<ParsedDocument>& queue) {
  return queue.Pop();
}

}  // namespace ingest
