// Five concurrent structures written against lockstep's sync layer
// (client/sync/sync.h), each with a planted race (`racy`) and its correct
// twin (the same class with `racy` false). The races are logical: every
// shared access is under a sync::Mutex or on a sync::Atomic, so under the
// controlled scheduler (one thread at a time) they are not data races, and
// only the linearizability check sees them.
#ifndef LOCKSTEP_EXAMPLES_CONCURRENT_STRUCTURES_H_
#define LOCKSTEP_EXAMPLES_CONCURRENT_STRUCTURES_H_

#include <array>
#include <cstddef>
#include <deque>
#include <list>
#include <map>
#include <optional>

#include "absl/base/thread_annotations.h"
#include "client/sync/sync.h"

namespace examples::concurrent {

namespace sync = ::lockstep::sync;

// A queue whose racy TryPop checks emptiness outside the lock: two pops of
// the last item both pass the check, and the second reads the slot the
// first emptied (a ring buffer's stale value).
class Queue {
 public:
  explicit Queue(bool racy) : racy_(racy) {}
  void Push(int x) {
    sync::MutexLock lock(&mu_);
    items_.push_back(x);
    size_.fetch_add(1);
  }
  std::optional<int> TryPop() {
    if (racy_) {
      if (size_.load() == 0) return std::nullopt;  // BUG: outside the lock
      sync::MutexLock lock(&mu_);
      return PopLocked();
    }
    sync::MutexLock lock(&mu_);
    if (items_.empty()) return std::nullopt;
    return PopLocked();
  }

 private:
  int PopLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (items_.empty()) return last_;  // the stale slot
    last_ = items_.front();
    items_.pop_front();
    size_.fetch_sub(1);
    return last_;
  }

  const bool racy_;
  sync::Mutex mu_;
  std::deque<int> items_ ABSL_GUARDED_BY(mu_);
  int last_ ABSL_GUARDED_BY(mu_) = 0;
  sync::Atomic<int> size_{0};  // a hint for TryPop; exact under mu_
};

// A counter whose racy Increment loads, then stores: an update is lost
// when another thread's lands in between.
class Counter {
 public:
  explicit Counter(bool racy) : racy_(racy) {}
  int Increment() {
    if (!racy_) return value_.fetch_add(1) + 1;
    int seen = value_.load();
    value_.store(seen + 1);  // BUG: not one read-modify-write
    return seen + 1;
  }
  int Get() const { return value_.load(); }

 private:
  const bool racy_;
  sync::Atomic<int> value_{0};
};

// An LRU cache of `capacity` entries whose racy Put updates the index (the
// key -> value map) after dropping the lock that orders recency: a Put that
// evicts a key in between leaves the key's value behind, and the cache
// holds more than its capacity.
class LruCache {
 public:
  LruCache(bool racy, size_t capacity) : racy_(racy), capacity_(capacity) {}
  void Put(int key, int value) {
    {
      sync::MutexLock lock(&mu_);
      order_.remove(key);
      order_.push_front(key);
      if (order_.size() > capacity_) {
        index_.erase(order_.back());
        order_.pop_back();
      }
      if (!racy_) {
        index_[key] = value;
        return;
      }
    }
    sync::MutexLock lock(&mu_);  // BUG: the index catches up too late
    index_[key] = value;
  }
  std::optional<int> Get(int key) {
    sync::MutexLock lock(&mu_);
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    order_.remove(key);
    order_.push_front(key);
    return it->second;
  }
  int Size() {
    sync::MutexLock lock(&mu_);
    return static_cast<int>(index_.size());
  }

 private:
  const bool racy_;
  const size_t capacity_;
  sync::Mutex mu_;
  std::list<int> order_ ABSL_GUARDED_BY(mu_);  // most recent first
  std::map<int, int> index_ ABSL_GUARDED_BY(mu_);
};

// A map of int keys in two stripes, each under its own mutex. The racy
// Size sums the stripes one lock at a time, so it can see a Put on one
// stripe and miss an Erase on the other: a size the map never had. The
// correct twin locks both stripes (in a fixed order).
class StripedMap {
 public:
  explicit StripedMap(bool racy) : racy_(racy) {}
  bool Put(int key, int value) {
    Stripe& s = StripeOf(key);
    sync::MutexLock lock(&s.mu);
    return s.items.insert_or_assign(key, value).second;
  }
  bool Erase(int key) {
    Stripe& s = StripeOf(key);
    sync::MutexLock lock(&s.mu);
    return s.items.erase(key) > 0;
  }
  std::optional<int> Get(int key) {
    Stripe& s = StripeOf(key);
    sync::MutexLock lock(&s.mu);
    auto it = s.items.find(key);
    if (it == s.items.end()) return std::nullopt;
    return it->second;
  }
  int Size() {
    if (racy_) {
      int n = 0;
      for (Stripe* s : {&even_, &odd_}) {  // BUG: one stripe at a time
        sync::MutexLock lock(&s->mu);
        n += static_cast<int>(s->items.size());
      }
      return n;
    }
    sync::MutexLock first(&even_.mu);
    sync::MutexLock second(&odd_.mu);
    return static_cast<int>(even_.items.size() + odd_.items.size());
  }

 private:
  struct Stripe {
    sync::Mutex mu;
    std::map<int, int> items ABSL_GUARDED_BY(mu);
  };
  Stripe& StripeOf(int key) { return key % 2 == 0 ? even_ : odd_; }

  const bool racy_;
  Stripe even_;
  Stripe odd_;
};

// A bounded ring buffer of kCapacity slots. The racy Push fills its slot
// under the lock but advances the tail, with its wrap-around, after the
// lock is dropped: a Push in between fills the same slot, and a Pop later
// reads a slot nobody filled.
class RingBuffer {
 public:
  static constexpr int kCapacity = 2;
  explicit RingBuffer(bool racy) : racy_(racy) {}
  bool Push(int x) {
    int slot;
    {
      sync::MutexLock lock(&mu_);
      if (count_ == kCapacity) return false;
      slot = tail_.load();
      slots_[slot] = x;
      ++count_;
      if (!racy_) {
        tail_.store(slot + 1 == kCapacity ? 0 : slot + 1);
        return true;
      }
    }
    tail_.store(slot + 1 == kCapacity ? 0 : slot + 1);  // BUG: after unlock
    return true;
  }
  std::optional<int> Pop() {
    sync::MutexLock lock(&mu_);
    if (count_ == 0) return std::nullopt;
    int x = slots_[head_];
    slots_[head_] = -1;  // what an empty slot holds
    head_ = head_ + 1 == kCapacity ? 0 : head_ + 1;
    --count_;
    return x;
  }

 private:
  const bool racy_;
  sync::Mutex mu_;
  std::array<int, kCapacity> slots_ ABSL_GUARDED_BY(mu_) = {-1, -1};
  int head_ ABSL_GUARDED_BY(mu_) = 0;
  int count_ ABSL_GUARDED_BY(mu_) = 0;
  sync::Atomic<int> tail_{0};  // written by Push; read under mu_
};

}  // namespace examples::concurrent

#endif  // LOCKSTEP_EXAMPLES_CONCURRENT_STRUCTURES_H_
