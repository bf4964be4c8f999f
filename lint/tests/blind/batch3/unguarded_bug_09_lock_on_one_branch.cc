// Connection pool on std::mutex / std::unique_lock. Release() only locks on
// the healthy-connection branch, then decrements in_use_ after the branches
// join, where the lock is not held on every path.
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace db {

class Connection {
 public:
  bool Healthy() const { return !broken_; }
  void MarkBroken() { broken_ = true; }

 private:
  bool broken_ = false;
};

class ConnectionPool {
 public:
  std::unique_ptr<Connection> Acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    if (idle_.empty()) {
      ++in_use_;
      return std::make_unique<Connection>();
    }
    std::unique_ptr<Connection> conn = std::move(idle_.back());
    idle_.pop_back();
    ++in_use_;
    return conn;
  }

  void Release(std::unique_ptr<Connection> conn) {
    std::unique_lock<std::mutex> lock(mu_, std::defer_lock);
    if (conn->Healthy()) {
      lock.lock();
      idle_.push_back(std::move(conn));
    }
    --in_use_;  // EXPECT: concurrency-unguarded-field
    returned_.notify_one();
  }

  size_t InUse() {
    std::lock_guard<std::mutex> lock(mu_);
    return in_use_;
  }

 private:
  std::mutex mu_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;
  size_t in_use_ = 0;
};

}  // namespace db
