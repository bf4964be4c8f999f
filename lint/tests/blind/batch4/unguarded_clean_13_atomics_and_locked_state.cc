// Connection pool for the metadata database. Gauges are atomics so the
// metrics scraper never takes the pool lock.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace db {

class Connection {
 public:
  explicit Connection(std::string dsn) : dsn_(std::move(dsn)) {}
  bool Ping() const { return !dsn_.empty(); }

 private:
  std::string dsn_;
};

class ConnectionPool {
 public:
  ConnectionPool(std::string dsn, size_t max_size)
      : dsn_(std::move(dsn)), max_size_(max_size) {}

  std::unique_ptr<Connection> Acquire() {
    std::unique_ptr<Connection> conn;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        conn = std::move(idle_.back());
        idle_.pop_back();
      } else if (open_ < max_size_) {
        ++open_;
        conn = std::make_unique<Connection>(dsn_);
      }
    }
    if (conn) {
      in_use_.fetch_add(1, std::memory_order_relaxed);
    } else {
      exhausted_.fetch_add(1, std::memory_order_relaxed);
    }
    return conn;
  }

  void Release(std::unique_ptr<Connection> conn) {
    in_use_.fetch_sub(1, std::memory_order_relaxed);
    std::lock_guard<std::mutex> lock(mu_);
    if (draining_.load(std::memory_order_acquire) || !conn->Ping()) {
      --open_;
      return;
    }
    idle_.push_back(std::move(conn));
  }

  void Drain() {
    draining_.store(true, std::memory_order_release);
    std::lock_guard<std::mutex> lock(mu_);
    open_ -= idle_.size();
    idle_.clear();
  }

  // Scraped by the metrics thread.
  int64_t in_use() const { return in_use_.load(std::memory_order_relaxed); }
  int64_t exhausted() const { return exhausted_.load(std::memory_order_relaxed); }
  bool draining() const { return draining_.load(std::memory_order_acquire); }

 private:
  const std::string dsn_;
  const size_t max_size_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_;
  size_t open_ = 0;
  std::atomic<int64_t> in_use_{0};
  std::atomic<int64_t> exhausted_{0};
  std::atomic<bool> draining_{false};
};

}  // namespace db
