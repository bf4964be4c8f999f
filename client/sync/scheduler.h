// The controlled scheduler: runs a body and every thread it starts through
// lockstep's sync layer (sync.h) one at a time, on real OS threads that hand
// a baton. Before each synchronization operation (a lock, a wait, an atomic
// access, a thread start or join, an explicit Yield) the running thread stops
// and the scheduler, on the thread that called Run, decides which enabled
// thread performs its next operation. Each decision is a draw from
// `Decisions` (a test case), so a schedule is a choice sequence: it replays
// exactly, and the simplest value of every draw keeps the current thread
// running (no preemption).
//
// Strategies (kPct by default; kMixed draws one per run):
// - PCT (Burckhardt et al.): threads get priorities (a new thread is ranked
//   among the others by a draw whose simplest value puts it last); the
//   highest-priority enabled thread runs; at up to depth - 1 change points
//   the running thread drops below all others. A change point is either
//   planned by the thread (PlanChangePoint: a scenario draws one per step,
//   inside the step's span, so that shrinking the scenario keeps the rest
//   of the schedule in place) or, for threads without a plan, a coin at
//   each point whose simplest value is "no".
// - Random walk: at every point with several enabled threads, an integer in
//   [0, enabled - 1]; 0 keeps the current thread, i > 0 the i-th other one.
//
// A thread is enabled when its next operation can proceed (a mutex it locks
// is free, a condition variable it waits on was signalled, a thread it joins
// finished). When no thread is enabled and some have not finished, the run
// is a deadlock: Run returns each thread's position.
//
// Threading: Scheduler's state is guarded by mu_; exactly one thread (the
// baton holder: a controlled thread, or the controller between decisions)
// runs at a time, and the baton passes under mu_.
#ifndef LOCKSTEP_CLIENT_SYNC_SCHEDULER_H_
#define LOCKSTEP_CLIENT_SYNC_SCHEDULER_H_

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"

namespace lockstep::sync {

// Where scheduling decisions come from: a test case, or a fixed source in
// tests. Called only on the thread running Scheduler::Run.
class Decisions {
 public:
  virtual ~Decisions() = default;
  // In [min, max]; the simplest value is min.
  virtual int64_t Integer(int64_t min, int64_t max) = 0;
  // True with `probability`; the simplest value is false.
  virtual bool Boolean(double probability) = 0;
};

enum class Strategy { kPct, kRandomWalk, kMixed };

struct ScheduleOptions {
  Strategy strategy = Strategy::kPct;
  // PCT's bug depth d: at most d - 1 priority change points.
  uint32_t pct_depth = 3;
  // About how many decisions a run takes (PCT spreads its change points
  // over them).
  uint32_t expected_steps = 30;
  // A run with more decisions than this fails (a livelock, or a spin that
  // never yields to the thread it waits for).
  uint32_t max_steps = 100000;
};

// Thrown into controlled threads to unwind them when a run is abandoned (a
// deadlock, or a decision that could not be drawn). Do not catch it.
struct Aborted {};

// A sync operation as the scheduler sees it.
enum class OpKind {
  kStart,   // a thread's first step
  kYield,   // an explicit yield point, or the start of a scenario step
  kAtomic,  // an atomic access
  kLock,    // exclusive lock
  kLockShared,
  kTryLock,  // never blocks
  kUnlock,
  kUnlockShared,
  kWait,  // condition variable: enabled once signalled and the mutex free
  kSignal,
  kSignalAll,
  kJoin,
};

struct Op {
  OpKind kind = OpKind::kYield;
  const void* object = nullptr;  // the mutex, the condition variable, ...
  const void* mutex = nullptr;   // kWait: the mutex it reacquires
  int target = -1;               // kJoin: the thread id
  std::string label;             // "Lock", or a scenario step's call
};

// The result of a run.
struct Outcome {
  // Which thread ran at each switch, and from which operation.
  struct Switch {
    std::string thread;
    std::string at;  // the operation it ran first
    uint32_t steps = 0;
    bool preemption = false;  // the previous thread could have gone on
  };
  std::vector<Switch> interleaving;
  uint32_t steps = 0;
  uint32_t preemptions = 0;
  std::string strategy;  // "PCT (depth 3)", "random walk"
  // Set when the run deadlocked (or ran past max_steps): each unfinished
  // thread's position, one per line.
  bool deadlock = false;
  bool step_limit = false;
  std::string positions;

  // "thread 1 x3 (Start) -> thread 2 x2 (Lock mutex 1) -> ...".
  std::string FormatInterleaving() const;
};

class Scheduler {
 public:
  Scheduler(Decisions* decisions, ScheduleOptions options);
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Runs `body` on a controlled thread named `name`, and every thread it
  // starts through sync::Thread, to the end or to a deadlock. Rethrows what
  // a Decisions call threw, or what a controlled thread's body threw (after
  // every thread has been joined).
  Outcome Run(const std::string& name, std::function<void()> body)
      ABSL_LOCKS_EXCLUDED(mu_);

  // The scheduler of the calling thread when it is a controlled one.
  static Scheduler* Current();

  // For sync.h, on a controlled thread (the baton holder): waits until the
  // scheduler picks this thread to perform `op`, and applies its effect.
  void Perform(Op op) ABSL_LOCKS_EXCLUDED(mu_);
  // TryLock: true when the mutex was free (and is now held).
  bool PerformTryLock(Op op) ABSL_LOCKS_EXCLUDED(mu_);
  // Starts a controlled thread; returns its id. The caller keeps running.
  int Spawn(std::string name, std::function<void()> body)
      ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    return SpawnLocked(std::move(name), std::move(body));
  }
  // Joins thread `id` (a sync point: blocks until it finished).
  void Join(int id) ABSL_LOCKS_EXCLUDED(mu_);
  // Releases a mutex (not a sync point: the thread goes on).
  void Release(const void* mutex, bool shared) ABSL_LOCKS_EXCLUDED(mu_);
  // Wakes the first waiter of `condvar` (or all); not a sync point.
  void Signal(const void* condvar, bool all) ABSL_LOCKS_EXCLUDED(mu_);
  // Releases `mutex`, waits on `condvar` until signalled, then reacquires.
  void WaitOn(const void* condvar, const void* mutex) ABSL_LOCKS_EXCLUDED(mu_);
  // PCT, for the calling controlled thread: its n-th sync point from now
  // (1: the next) is a priority change point; 0: none. A thread given a
  // plan draws no change-point coins of its own.
  void PlanChangePoint(uint32_t n) ABSL_LOCKS_EXCLUDED(mu_);
  // A logical clock: strictly increasing, ticked by every decision and
  // every call. Orders the scenario steps' invocations and responses.
  int64_t Now() ABSL_LOCKS_EXCLUDED(mu_);
  // The calling controlled thread's name.
  std::string CurrentName() ABSL_LOCKS_EXCLUDED(mu_);

 private:
  static constexpr int kController = -1;

  struct Thread {
    std::string name;
    std::function<void()> body;
    std::thread os_thread;  // joined by Join or by Run's drain
    bool finished = false;
    bool os_joined = false;
    Op pending;  // its next operation (valid while it waits)
    bool waiting_for_baton = false;
    bool can_throw = true;  // not unwinding: Aborted may be thrown
    bool abort_requested = false;
    bool signalled = false;   // kWait: woken by a signal
    bool planned = false;     // PCT change points come from a plan
    uint32_t countdown = 0;   // sync points to the planned change point
    bool change_due = false;  // the pending op is at a change point
    bool try_result = false;  // kTryLock: whether it acquired
    absl::CondVar cv;         // signalled when the baton comes to it
  };
  struct MutexState {
    int writer = -1;
    int readers = 0;
  };

  int SpawnLocked(std::string name, std::function<void()> body)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void ThreadMain(int id) ABSL_LOCKS_EXCLUDED(mu_);
  // Announces `op`, hands the baton to the controller and waits for it.
  // Returns false when the thread must unwind.
  bool Announce(int id, Op op) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  bool Enabled(const Thread& thread) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void Apply(int id) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The next thread to run among `enabled` (ids, ascending); may draw.
  int Pick(const std::vector<int>& enabled) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void RankNewThreads() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  std::string Position(int id) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  std::string Describe(const Op& op) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  int ObjectNumber(const void* object) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Unwinds every unfinished thread (abort mode), then joins them all.
  void Drain() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  int CurrentId() const;

  Decisions* const decisions_;  // used only on the controller thread
  const ScheduleOptions options_;

  mutable absl::Mutex mu_;
  int baton_ ABSL_GUARDED_BY(mu_) = kController;
  std::vector<std::unique_ptr<Thread>> threads_ ABSL_GUARDED_BY(mu_);
  absl::CondVar controller_cv_;  // signalled when the baton comes back
  // PCT: thread ids, highest priority first; the first ranked_ threads
  // have been placed.
  std::vector<int> rank_ ABSL_GUARDED_BY(mu_);
  size_t ranked_ ABSL_GUARDED_BY(mu_) = 0;
  absl::flat_hash_map<const void*, MutexState> mutexes_ ABSL_GUARDED_BY(mu_);
  // Condition variable -> waiting thread ids, in the order they waited.
  absl::flat_hash_map<const void*, std::vector<int>> waiters_
      ABSL_GUARDED_BY(mu_);
  // Objects numbered by first use, for deterministic names in reports.
  absl::flat_hash_map<const void*, int> numbers_ ABSL_GUARDED_BY(mu_);
  bool aborting_ ABSL_GUARDED_BY(mu_) = false;
  bool use_pct_ ABSL_GUARDED_BY(mu_) = true;
  uint32_t changes_left_ ABSL_GUARDED_BY(mu_) = 0;
  int last_ ABSL_GUARDED_BY(mu_) = kController;  // the last thread picked
  int64_t clock_ ABSL_GUARDED_BY(mu_) = 0;
  std::exception_ptr error_ ABSL_GUARDED_BY(mu_);
  Outcome outcome_ ABSL_GUARDED_BY(mu_);
};

}  // namespace lockstep::sync

#endif  // LOCKSTEP_CLIENT_SYNC_SCHEDULER_H_
