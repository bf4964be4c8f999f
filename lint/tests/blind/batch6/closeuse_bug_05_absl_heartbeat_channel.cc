// Abseil-style RPC session: a heartbeat thread pings the server through the
// session's channel every second, holding hb_mu_; Disconnect() closes and
// drops the channel holding mu_. The two paths share no lock.
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "mock/absl_mutex.h"

class Channel {
 public:
  virtual ~Channel() = default;
  virtual bool Send(const std::string& frame) = 0;
  virtual void Close() = 0;
};

class Session {
 public:
  explicit Session(std::shared_ptr<Channel> channel) : channel_(std::move(channel)) {
    heartbeat_ = std::thread([this] { HeartbeatLoop(); });
  }

  ~Session() {
    {
      absl::MutexLock l(&hb_mu_);
      stopping_ = true;
    }
    hb_cv_.SignalAll();
    heartbeat_.join();
  }

  void Disconnect(const std::string& reason) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock l(&mu_);
    disconnect_reason_ = reason;
    channel_->Close();
    channel_ = nullptr;
  }

  std::string disconnect_reason() const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock l(&mu_);
    return disconnect_reason_;
  }

 private:
  void HeartbeatLoop() ABSL_LOCKS_EXCLUDED(hb_mu_) {
    absl::MutexLock l(&hb_mu_);
    while (!stopping_) {
      hb_cv_.WaitWithTimeout(&hb_mu_, std::chrono::milliseconds(1000));
      if (stopping_) break;
      ++pings_;
      channel_->Send("PING " + std::to_string(pings_));  // EXPECT: concurrency-use-after-close
    }
  }

  std::shared_ptr<Channel> channel_;
  mutable absl::Mutex mu_;
  std::string disconnect_reason_ ABSL_GUARDED_BY(mu_);
  absl::Mutex hb_mu_;
  absl::CondVar hb_cv_;
  bool stopping_ ABSL_GUARDED_BY(hb_mu_) = false;
  int64_t pings_ ABSL_GUARDED_BY(hb_mu_) = 0;
  std::thread heartbeat_;
};
