// Dart VM-style weak table of finalizable handles shared by the mutator and
// the concurrent marker. Public entry points take mutex_; the *Locked
// helpers document and assert that their caller holds it.
#include <cstdint>
#include <vector>

#include "mock/dart_lock.h"

namespace dart {

struct FinalizableHandle {
  uintptr_t object;
  void (*callback)(void*);
  void* peer;
  bool live;
};

class FinalizableTable {
 public:
  explicit FinalizableTable(intptr_t initial_capacity)
      : mutex_("FinalizableTable::mutex_"), capacity_(initial_capacity) {
    handles_.reserve(static_cast<size_t>(capacity_));
  }

  intptr_t Add(uintptr_t object, void (*callback)(void*), void* peer) {
    MutexLocker ml(&mutex_);
    GrowIfNeededLocked();
    handles_.push_back(FinalizableHandle{object, callback, peer, true});
    return static_cast<intptr_t>(handles_.size()) - 1;
  }

  // Called by the concurrent marker for every object it reaches.
  void MarkLive(uintptr_t object) {
    MutexLocker ml(&mutex_);
    intptr_t index = FindLocked(object);
    if (index >= 0) handles_[static_cast<size_t>(index)].live = true;
  }

  // Called by the mutator at the end of a GC; runs finalizers outside the
  // lock so that they may call Add().
  void SweepAndFinalize() {
    std::vector<FinalizableHandle> dead;
    {
      MutexLocker ml(&mutex_);
      CollectDeadLocked(&dead);
      ++sweeps_;
    }
    for (const FinalizableHandle& handle : dead) handle.callback(handle.peer);
  }

  intptr_t sweeps() {
    MutexLocker ml(&mutex_);
    return sweeps_;
  }

 private:
  // Requires: mutex_ held.
  void GrowIfNeededLocked() {
    ASSERT(mutex_.IsOwnedByCurrentThread());
    if (static_cast<intptr_t>(handles_.size()) < capacity_) return;
    capacity_ *= 2;
    handles_.reserve(static_cast<size_t>(capacity_));
  }

  // Requires: mutex_ held.
  intptr_t FindLocked(uintptr_t object) const {
    ASSERT(mutex_.IsOwnedByCurrentThread());
    for (size_t i = 0; i < handles_.size(); ++i) {
      if (handles_[i].object == object) return static_cast<intptr_t>(i);
    }
    return -1;
  }

  // Requires: mutex_ held.
  void CollectDeadLocked(std::vector<FinalizableHandle>* dead) {
    ASSERT(mutex_.IsOwnedByCurrentThread());
    std::vector<FinalizableHandle> survivors;
    for (FinalizableHandle& handle : handles_) {
      if (handle.live) {
        handle.live = false;
        survivors.push_back(handle);
      } else {
        dead->push_back(handle);
      }
    }
    handles_.swap(survivors);
  }

  Mutex mutex_;
  intptr_t capacity_;
  intptr_t sweeps_ = 0;
  std::vector<FinalizableHandle> handles_;
};

}  // namespace dart
