// A pool of RPC channels to one backend: callers take the least-loaded
// channel; a health checker replaces broken ones. The pool counts how often
// callers find it contended, to size it.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"

namespace rpc {

class Channel {
 public:
  explicit Channel(std::string target) : target_(std::move(target)) {}
  virtual ~Channel() = default;
  const std::string& target() const { return target_; }
  virtual bool Healthy() const { return true; }
  int inflight() const { return inflight_; }
  void set_inflight(int n) { inflight_ = n; }

 private:
  const std::string target_;
  int inflight_ = 0;  // maintained by the pool under its lock
};

struct PoolStats {
  uint64_t picks = 0;
  uint64_t contended = 0;
  uint64_t replaced = 0;
};

class ChannelPool {
 public:
  ChannelPool(std::string target, int size) : target_(std::move(target)) {
    for (int i = 0; i < size; ++i) channels_.push_back(std::make_shared<Channel>(target_));
  }

  std::shared_ptr<Channel> Acquire() {
    if (!mu_.TryLock()) {
      ++stats_.contended;  // EXPECT: concurrency-unguarded-field
      absl::MutexLock lock(&mu_);
      return PickLocked();
    }
    std::shared_ptr<Channel> ch = PickLocked();
    mu_.Unlock();
    return ch;
  }

  void Release(const std::shared_ptr<Channel>& ch) {
    absl::MutexLock lock(&mu_);
    ch->set_inflight(ch->inflight() - 1);
  }

  // Health checker thread.
  int ReplaceUnhealthy() {
    int replaced = 0;
    absl::MutexLock lock(&mu_);
    for (auto& ch : channels_) {
      if (ch->Healthy()) continue;
      ch = std::make_shared<Channel>(target_);
      ++replaced;
    }
    stats_.replaced += replaced;
    return replaced;
  }

  PoolStats stats() {
    absl::MutexLock lock(&mu_);
    return stats_;
  }

  absl::Status Resize(int size) {
    if (size <= 0) return absl::InvalidArgumentError("pool size must be positive");
    absl::MutexLock lock(&mu_);
    while (static_cast<int>(channels_.size()) < size) {
      channels_.push_back(std::make_shared<Channel>(target_));
    }
    while (static_cast<int>(channels_.size()) > size) channels_.pop_back();
    return absl::OkStatus();
  }

 private:
  std::shared_ptr<Channel> PickLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    ++stats_.picks;
    std::shared_ptr<Channel> best;
    for (const auto& ch : channels_) {
      if (best == nullptr || ch->inflight() < best->inflight()) best = ch;
    }
    if (best != nullptr) best->set_inflight(best->inflight() + 1);
    return best;
  }

  const std::string target_;
  absl::Mutex mu_;
  std::vector<std::shared_ptr<Channel>> channels_ ABSL_GUARDED_BY(mu_);
  PoolStats stats_ ABSL_GUARDED_BY(mu_);
};

// Scoped use of a pooled channel.
class PooledCall {
 public:
  explicit PooledCall(ChannelPool* pool) : pool_(pool), channel_(pool->Acquire()) {}
  ~PooledCall() {
    if (channel_ != nullptr) pool_->Release(channel_);
  }
  Channel* channel() const { return channel_.get(); }

 private:
  ChannelPool* const pool_;
  std::shared_ptr<Channel> channel_;
};

}  // namespace rpc
