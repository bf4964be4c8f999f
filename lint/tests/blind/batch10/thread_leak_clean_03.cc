// Heartbeat publisher for the cluster agent. The publisher runs on a detached
// thread, but its loop watches an atomic stop flag and the agent signals it
// and waits for the acknowledgement during shutdown.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "task_runner.h"

namespace agent {

enum class NodeRole { kWorker, kCoordinator, kStandby };

struct HeartbeatState {
  std::atomic<bool> stop{false};
  std::atomic<bool> exited{false};
  std::atomic<uint64_t> beats{0};
};

class HeartbeatTransport {
 public:
  virtual ~HeartbeatTransport() = default;
  virtual runtime::Status Publish(const std::string& node, NodeRole role, uint64_t seq) = 0;
};

class HeartbeatPublisher {
 public:
  HeartbeatPublisher(std::shared_ptr<HeartbeatTransport> transport, std::string node, NodeRole role)
      : transport_(std::move(transport)), node_(std::move(node)), role_(role),
        state_(std::make_shared<HeartbeatState>()) {}

  ~HeartbeatPublisher() { StopAndWait(); }

  void Start() {
    std::thread([state = state_, transport = transport_, node = node_, role = role_] {
      uint64_t seq = 0;
      while (!state->stop.load(std::memory_order_acquire)) {
        runtime::Status s = transport->Publish(node, role, ++seq);
        if (s == runtime::Status::kCancelled) break;
        state->beats.fetch_add(1, std::memory_order_relaxed);
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
      }
      state->exited.store(true, std::memory_order_release);
    }).detach();
  }

  void StopAndWait() {
    state_->stop.store(true, std::memory_order_release);
    for (int i = 0; i < 40 && !state_->exited.load(std::memory_order_acquire); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    if (!state_->exited.load(std::memory_order_acquire)) {
      runtime::Log("WARN") << "heartbeat thread for " << node_ << " did not exit in time";
    }
  }

  uint64_t beats() const { return state_->beats.load(std::memory_order_relaxed); }

 private:
  const std::shared_ptr<HeartbeatTransport> transport_;
  const std::string node_;
  const NodeRole role_;
  const std::shared_ptr<HeartbeatState> state_;
};

class CountingTransport : public HeartbeatTransport {
 public:
  runtime::Status Publish(const std::string& node, NodeRole role, uint64_t seq) override {
    (void)node;
    (void)role;
    last_seq_.store(seq, std::memory_order_relaxed);
    return runtime::Status::kOk;
  }
  uint64_t last_seq() const { return last_seq_.load(std::memory_order_relaxed); }

 private:
  std::atomic<uint64_t> last_seq_{0};
};

}  // namespace agent
