// The follower side of a Raft-style replicated log: the RPC thread accepts
// AppendEntries from the leader, and an applier thread applies committed
// entries to the state machine.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"

namespace replication {

struct LogEntry {
  uint64_t term;
  uint64_t index;
  std::string command;
};

struct AppendRequest {
  uint64_t term;
  uint64_t prev_index;
  uint64_t leader_commit;
  std::vector<LogEntry> entries;
};

enum class FollowerState { kFollowing, kCatchingUp, kStopped };

constexpr size_t kMaxPendingEntries = 4096;

class StateMachine {
 public:
  virtual ~StateMachine() = default;
  virtual absl::Status Apply(const LogEntry& entry) = 0;
};

class ReplicationFollower {
 public:
  explicit ReplicationFollower(StateMachine* sm) : sm_(sm) {}
  ~ReplicationFollower() { Stop(); }

  void Start() { applier_ = std::thread([this] { ApplyLoop(); }); }

  void Stop() {
    {
      absl::MutexLock lock(&mu_);
      if (state_ == FollowerState::kStopped) return;
      state_ = FollowerState::kStopped;
    }
    if (applier_.joinable()) applier_.join();
  }

  absl::Status OnAppendEntries(const AppendRequest& req) {
    mu_.Lock();
    if (req.term < current_term_) {
      UnlockAndWake();
      return absl::FailedPreconditionError("stale term");
    }
    current_term_ = req.term;
    if (req.prev_index != last_index_) {
      state_ = FollowerState::kCatchingUp;
      UnlockAndWake();
      return absl::OutOfRangeError("log gap; leader must resend");
    }
    for (const LogEntry& e : req.entries) {
      pending_.push_back(e);
      last_index_ = e.index;
    }
    if (req.leader_commit > commit_index_) commit_index_ = std::min(req.leader_commit, last_index_);
    UnlockAndWake();
    if (pending_.size() > kMaxPendingEntries) {  // EXPECT: concurrency-unguarded-field
      return absl::ResourceExhaustedError("applier is behind");
    }
    return absl::OkStatus();
  }

  uint64_t applied_index() {
    absl::MutexLock lock(&mu_);
    return applied_index_;
  }

 private:
  // Releases mu_; the applier re-evaluates its condition on release.
  void UnlockAndWake() ABSL_UNLOCK_FUNCTION(mu_) { mu_.Unlock(); }

  bool HasWork() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return state_ == FollowerState::kStopped ||
           (!pending_.empty() && pending_.front().index <= commit_index_);
  }

  void ApplyLoop() {
    for (;;) {
      LogEntry entry;
      {
        absl::MutexLock lock(&mu_, absl::Condition(this, &ReplicationFollower::HasWork));
        if (state_ == FollowerState::kStopped) return;
        entry = std::move(pending_.front());
        pending_.pop_front();
      }
      absl::Status s = sm_->Apply(entry);
      absl::MutexLock lock(&mu_);
      if (s.ok()) applied_index_ = entry.index;
    }
  }

  StateMachine* const sm_;
  absl::Mutex mu_;
  FollowerState state_ ABSL_GUARDED_BY(mu_) = FollowerState::kFollowing;
  uint64_t current_term_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t last_index_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t commit_index_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t applied_index_ ABSL_GUARDED_BY(mu_) = 0;
  std::deque<LogEntry> pending_ ABSL_GUARDED_BY(mu_);
  std::thread applier_;
};

class KvStateMachine : public StateMachine {
 public:
  absl::Status Apply(const LogEntry& entry) override {
    if (entry.command.empty()) return absl::InvalidArgumentError("empty command");
    ++applied_;
    return absl::OkStatus();
  }

 private:
  uint64_t applied_ = 0;  // only the applier thread calls Apply
};

}  // namespace replication
