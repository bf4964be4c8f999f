// Key-value lookups on gRPC's callback API. Each RPC gets a unary reactor;
// the store behind it is shared by every reactor and by the replication
// thread that applies updates.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include <grpcpp/grpcpp.h>
#include <grpcpp/support/server_callback.h>

namespace kv {

class KeyValueStore {
 public:
  explicit KeyValueStore(size_t capacity) : capacity_(capacity) {}

  grpc::Status Lookup(const std::string& key, std::string* value) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(key);
    if (it == index_.end()) {
      ++misses_;
      return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such key");
    }
    lru_.splice(lru_.begin(), lru_, it->second);
    *value = it->second->second;
    return grpc::Status::OK;
  }

  // Replication thread.
  void Apply(const std::string& key, std::string value) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(key);
    if (it != index_.end()) {
      it->second->second = std::move(value);
      lru_.splice(lru_.begin(), lru_, it->second);
      return;
    }
    lru_.emplace_front(key, std::move(value));
    index_[key] = lru_.begin();
    EvictOverflow();
  }

  uint64_t misses() {
    std::lock_guard<std::mutex> lock(mu_);
    return misses_;
  }

 private:
  // REQUIRES: mu_ held.
  void EvictOverflow() {
    while (lru_.size() > capacity_) {
      index_.erase(lru_.back().first);
      lru_.pop_back();
    }
  }

  const size_t capacity_;
  std::mutex mu_;
  std::list<std::pair<std::string, std::string>> lru_;
  std::unordered_map<std::string, std::list<std::pair<std::string, std::string>>::iterator> index_;
  uint64_t misses_ = 0;
};

// Tracks latency across all reactors.
class LatencyRecorder {
 public:
  void Record(std::chrono::microseconds d) {
    std::lock_guard<std::mutex> lock(mu_);
    total_ += d;
    ++count_;
    if (d > max_) max_ = d;
  }

  std::chrono::microseconds Mean() {
    std::lock_guard<std::mutex> lock(mu_);
    return count_ == 0 ? std::chrono::microseconds(0) : total_ / static_cast<int64_t>(count_);
  }

 private:
  std::mutex mu_;
  std::chrono::microseconds total_{0};
  std::chrono::microseconds max_{0};
  uint64_t count_ = 0;
};

class LookupReactor : public grpc::ServerUnaryReactor {
 public:
  LookupReactor(KeyValueStore* store, LatencyRecorder* latency, const std::string& key,
                std::string* reply)
      : store_(store), latency_(latency), start_(std::chrono::steady_clock::now()) {
    Finish(store_->Lookup(key, reply));
  }

  void OnCancel() override { cancelled_.store(true); }

  void OnDone() override {
    latency_->Record(std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - start_));
    delete this;
  }

  bool cancelled() const { return cancelled_.load(); }

 private:
  KeyValueStore* const store_;
  LatencyRecorder* const latency_;
  const std::chrono::steady_clock::time_point start_;
  std::atomic<bool> cancelled_{false};
};

}  // namespace kv
