// A GCS reconnector in the style of Ray's core worker: disconnect
// notifications post a reconnect attempt onto the worker's io_service; the
// dashboard's admin endpoint can reset the counters.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "ray/common/asio/instrumented_io_context.h"
#include "ray/common/status.h"
#include "ray/util/logging.h"

namespace ray {
namespace gcs {

class GcsRpcClient {
 public:
  virtual ~GcsRpcClient() = default;
  virtual Status Connect(const std::string& address) = 0;
};

class GcsReconnector {
 public:
  GcsReconnector(instrumented_io_context& io_service, GcsRpcClient* client, std::string address)
      : io_service_(io_service), client_(client), address_(std::move(address)) {}

  // Called by the RPC layer (any thread) when the GCS connection drops.
  void OnDisconnect(const Status& reason) {
    {
      absl::MutexLock lock(&mu_);
      connected_ = false;
      last_error_ = reason.ToString();
    }
    io_service_.post(
        [this] {
          ++reconnect_attempts_;  // EXPECT: concurrency-closure-captures-mutable
          Status s = client_->Connect(address_);
          absl::MutexLock lock(&mu_);
          connected_ = s.ok();
          if (!s.ok()) last_error_ = s.ToString();
        },
        "GcsReconnector.OnDisconnect");
  }

  // Dashboard admin handler thread.
  void ResetCounters() {
    reconnect_attempts_ = 0;
    RAY_LOG(INFO) << "GCS reconnect counters reset";
  }

  bool connected() {
    absl::MutexLock lock(&mu_);
    return connected_;
  }

  std::string last_error() {
    absl::MutexLock lock(&mu_);
    return last_error_;
  }

  void AddListener(std::function<void(bool)> listener) {
    absl::MutexLock lock(&mu_);
    listeners_.push_back(std::move(listener));
  }

  std::string DebugString() {
    absl::MutexLock lock(&mu_);
    return std::string("GcsReconnector{address=") + address_ +
           ", connected=" + (connected_ ? "true" : "false") + ", last_error=" + last_error_ + "}";
  }

  // Exponential backoff for the next attempt, capped at 30s.
  static int64_t BackoffMs(int attempt) {
    int64_t ms = 100;
    for (int i = 0; i < attempt && ms < 30000; ++i) ms *= 2;
    return ms > 30000 ? 30000 : ms;
  }

  void NotifyListeners() {
    std::vector<std::function<void(bool)>> copy;
    bool connected;
    {
      absl::MutexLock lock(&mu_);
      copy = listeners_;
      connected = connected_;
    }
    for (auto& l : copy) l(connected);
  }

 private:
  instrumented_io_context& io_service_;
  GcsRpcClient* const client_;
  const std::string address_;
  uint64_t reconnect_attempts_ = 0;

  absl::Mutex mu_;
  bool connected_ = true;
  std::string last_error_;
  std::vector<std::function<void(bool)>> listeners_;
};

}  // namespace gcs
}  // namespace ray
