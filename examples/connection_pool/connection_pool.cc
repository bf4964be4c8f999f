#include "examples/connection_pool/connection_pool.h"

#include <chrono>
#include <utility>

namespace examples {

ConnectionPool::ConnectionPool(std::string peer, size_t max_idle)
    : peer_(std::move(peer)), max_idle_(max_idle) {
  reaper_ = std::thread([this] { ReapLoop(); });
}

ConnectionPool::~ConnectionPool() {
  Close();
  reaper_.join();
}

std::unique_ptr<Connection> ConnectionPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
  }
  created_.fetch_add(1, std::memory_order_relaxed);
  auto connection = std::make_unique<Connection>();
  connection->peer = peer_;
  return connection;
}

void ConnectionPool::Release(std::unique_ptr<Connection> connection) {
  std::lock_guard<std::mutex> lock(mu_);
  if (closed_ || idle_.size() >= max_idle_) return;
  idle_.push_back(std::move(connection));
  idle_changed_.notify_all();
}

bool ConnectionPool::WaitForIdle() {
  std::unique_lock<std::mutex> lock(mu_);
  idle_changed_.wait(lock, [this] { return closed_ || !idle_.empty(); });
  return !closed_;
}

const std::vector<std::unique_ptr<Connection>>& ConnectionPool::idle() const {
  std::lock_guard<std::mutex> lock(mu_);
  // BUG: the reference outlives the lock; callers iterate idle_ while
  // Release() and the reaper modify it.
  return idle_;
}

void ConnectionPool::Close() {
  std::lock_guard<std::mutex> lock(mu_);
  closed_ = true;
  idle_.clear();
  idle_changed_.notify_all();
}

void ConnectionPool::ReapLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!closed_) {
    idle_changed_.wait_for(lock, std::chrono::seconds(1));
    if (idle_.size() > max_idle_ / 2) {
      idle_.pop_back();
      ++reaped_;
    }
  }
  lock.unlock();
  // BUG: reaped_ is written under mu_ above; this read for the log line runs
  // after the unlock while Close() may still be running on another thread.
  if (reaped_ > 0) created_.fetch_sub(reaped_, std::memory_order_relaxed);
}

}  // namespace examples
