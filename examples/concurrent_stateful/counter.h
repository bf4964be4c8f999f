// A shared counter in three versions: a correct one (one atomic
// read-modify-write per call), one with a lost update on every path
// (Increment and Add read, wait, then write), and one whose Add takes a
// lock but whose Increment does not (a lock on one path only protects
// nothing). The planted races are logical, not data races: every access
// is a std::atomic load or store, so TSan stays quiet and only the
// linearizability check sees them. The wait (kRaceWindow) sits inside the
// read-modify-write, so overlapping calls hit the race nearly every run.
#ifndef LOCKSTEP_EXAMPLES_CONCURRENT_STATEFUL_COUNTER_H_
#define LOCKSTEP_EXAMPLES_CONCURRENT_STATEFUL_COUNTER_H_

#include <atomic>
#include <chrono>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace examples {

enum class CounterKind {
  kAtomic,           // correct
  kSlowAtomic,       // correct, each call waits before its atomic step, so
                     // that calls of different threads overlap
  kLostUpdate,       // BUG: load, wait, store, everywhere
  kLockedOnOnePath,  // BUG: Add locks, Increment does not
};

// Shared by every thread of a scenario: value_ is atomic (each access
// sequentially consistent), add_mu_ serializes Add with Add only.
class Counter {
 public:
  static constexpr std::chrono::microseconds kRaceWindow{500};

  explicit Counter(CounterKind kind) : kind_(kind) {}

  // Adds one; returns the new value.
  int Increment() {
    bool racy = kind_ == CounterKind::kLostUpdate ||
                kind_ == CounterKind::kLockedOnOnePath;
    return racy ? Racy(1) : Atomic(1);
  }
  // Adds `n`; returns the new value.
  int Add(int n) {
    switch (kind_) {
      case CounterKind::kAtomic:
      case CounterKind::kSlowAtomic:
        return Atomic(n);
      case CounterKind::kLostUpdate:
        return Racy(n);
      case CounterKind::kLockedOnOnePath: {
        absl::MutexLock lock(&add_mu_);
        return Racy(n);
      }
    }
    return 0;
  }
  int Get() const { return value_.load(); }

 private:
  int Atomic(int n) {
    if (kind_ == CounterKind::kSlowAtomic) {
      std::this_thread::sleep_for(kRaceWindow);
    }
    return value_.fetch_add(n) + n;
  }
  int Racy(int n) {
    int seen = value_.load();
    std::this_thread::sleep_for(kRaceWindow);
    value_.store(seen + n);
    return seen + n;
  }

  const CounterKind kind_;
  std::atomic<int> value_{0};
  absl::Mutex add_mu_;
};

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_CONCURRENT_STATEFUL_COUNTER_H_
