// A Ray-style actor handle manager: every piece of mutable state is owned by
// the worker's io_service thread. Callbacks from other threads post work to
// that thread instead of touching the state themselves.
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "ray/common/asio/instrumented_io_context.h"
#include "ray/common/status.h"
#include "ray/util/logging.h"

namespace ray {
namespace core {

using ActorID = std::string;

enum class ActorState { kPending, kAlive, kRestarting, kDead };

struct ActorEntry {
  ActorState state = ActorState::kPending;
  int64_t num_restarts = 0;
  std::vector<std::function<void(ActorState)>> waiters;
};

class ActorManager {
 public:
  explicit ActorManager(instrumented_io_context& io_service) : io_service_(io_service) {}

  // GCS subscriber thread: hop onto the io_service thread before touching state.
  void OnActorUpdate(ActorID id, ActorState state) {
    CountPost();
    io_service_.post([this, id = std::move(id), state] { HandleUpdate(id, state); },
                     "ActorManager.OnActorUpdate");
  }

  // Any thread.
  void WaitForAlive(ActorID id, std::function<void(ActorState)> cb) {
    CountPost();
    io_service_.post(
        [this, id = std::move(id), cb = std::move(cb)]() mutable {
          ActorEntry& entry = actors_[id];
          if (entry.state == ActorState::kAlive || entry.state == ActorState::kDead) {
            cb(entry.state);
            return;
          }
          entry.waiters.push_back(std::move(cb));
        },
        "ActorManager.WaitForAlive");
  }

  // Any thread.
  uint64_t posted() {
    absl::MutexLock lock(&stats_mu_);
    return posted_;
  }

  // io_service thread only (called from posted handlers and the periodic dump).
  std::string DebugString() const {
    int64_t alive = 0;
    for (const auto& [id, entry] : actors_) alive += entry.state == ActorState::kAlive;
    return std::to_string(actors_.size()) + " actors, " + std::to_string(alive) + " alive, " +
           std::to_string(updates_handled_) + " updates";
  }

 private:
  void CountPost() {
    absl::MutexLock lock(&stats_mu_);
    ++posted_;
  }

  // io_service thread.
  void HandleUpdate(const ActorID& id, ActorState state) {
    ++updates_handled_;
    ActorEntry& entry = actors_[id];
    if (state == ActorState::kRestarting) ++entry.num_restarts;
    entry.state = state;
    if (state != ActorState::kAlive && state != ActorState::kDead) return;
    std::vector<std::function<void(ActorState)>> waiters;
    waiters.swap(entry.waiters);
    for (auto& w : waiters) w(state);
    if (entry.num_restarts > 3) {
      RAY_LOG(WARNING) << "Actor " << id << " restarted " << entry.num_restarts << " times";
    }
  }

  instrumented_io_context& io_service_;
  // Owned by the io_service thread.
  std::unordered_map<ActorID, ActorEntry> actors_;  // owned by the io_service thread
  uint64_t updates_handled_ = 0;                    // owned by the io_service thread

  absl::Mutex stats_mu_;
  uint64_t posted_ = 0;  // guarded by stats_mu_
};

void SchedulePeriodicDump(instrumented_io_context& io_service, ActorManager* manager) {
  io_service.post(
      [manager] { RAY_LOG(INFO) << manager->DebugString(); }, "ActorManager.PeriodicDump", 10'000'000);
}

// Submits actor tasks once the actor is alive; failures are reported on the
// io_service thread too.
class ActorTaskSubmitter {
 public:
  explicit ActorTaskSubmitter(ActorManager* manager) : manager_(manager) {}

  void Submit(const ActorID& id, std::function<void(Status)> done) {
    manager_->WaitForAlive(id, [done = std::move(done)](ActorState state) {
      if (state == ActorState::kDead) {
        done(Status::Invalid("actor is dead"));
      } else {
        done(Status::OK());
      }
    });
  }

 private:
  ActorManager* const manager_;
};

}  // namespace core
}  // namespace ray
