// A FIFO queue of ints with a size, in two versions. The correct one keeps
// the items and the size under one mutex. The buggy one keeps the size in
// an atomic that Push bumps after it has released the lock, so a Pop that
// takes the new item in between makes the size -1 (no order of the calls
// explains it). Its Pop also starts with a short wait (a slow consumer),
// so that a Pop overlapping a Push reliably lands inside Push's window.
// Every shared access is locked or atomic: TSan sees no data race.
#ifndef LOCKSTEP_EXAMPLES_CONCURRENT_STATEFUL_SIZED_QUEUE_H_
#define LOCKSTEP_EXAMPLES_CONCURRENT_STATEFUL_SIZED_QUEUE_H_

#include <atomic>
#include <chrono>
#include <deque>
#include <optional>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace examples {

class SizedQueue {
 public:
  static constexpr std::chrono::microseconds kPushWindow{1000};
  static constexpr std::chrono::microseconds kPopDelay{200};

  // `slow_calls`: every call waits kPopDelay before it takes the lock, so
  // that calls of different threads overlap (for the correct version: a
  // linearizable history with overlapping calls).
  explicit SizedQueue(bool size_race, bool slow_calls = false)
      : size_race_(size_race), slow_calls_(slow_calls) {}

  void Push(int value) {
    if (slow_calls_) std::this_thread::sleep_for(kPopDelay);
    {
      absl::MutexLock lock(&mu_);
      items_.push_back(value);
      if (!size_race_) {
        size_.store(size_.load() + 1);
        return;
      }
    }
    // BUG (size_race): the item is visible before it is counted.
    std::this_thread::sleep_for(kPushWindow);
    size_.fetch_add(1);
  }
  // The oldest item, or nullopt when empty.
  std::optional<int> Pop() {
    if (size_race_ || slow_calls_) std::this_thread::sleep_for(kPopDelay);
    absl::MutexLock lock(&mu_);
    if (items_.empty()) return std::nullopt;
    int front = items_.front();
    items_.pop_front();
    size_.fetch_sub(1);
    return front;
  }
  int Size() const {
    if (slow_calls_) std::this_thread::sleep_for(kPopDelay);
    return size_.load();
  }

 private:
  const bool size_race_;
  const bool slow_calls_;
  absl::Mutex mu_;
  std::deque<int> items_ ABSL_GUARDED_BY(mu_);
  // Changed under mu_ in the correct version; atomic so that Size() reads
  // it without the lock in both.
  std::atomic<int> size_{0};
};

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_CONCURRENT_STATEFUL_SIZED_QUEUE_H_
