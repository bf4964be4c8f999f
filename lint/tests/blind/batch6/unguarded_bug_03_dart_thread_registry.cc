// Dart VM-style thread registry of an isolate group: threads are scheduled
// onto and unscheduled from the group by whichever OS thread enters it; the
// active and free lists are protected by threads_lock_.
#include <cstdint>

#include "mock/dart_lock.h"

namespace dart {

class Thread {
 public:
  explicit Thread(bool is_vm_isolate) : is_vm_isolate_(is_vm_isolate) {}
  Thread* next() const { return next_; }
  void set_next(Thread* next) { next_ = next; }
  bool is_vm_isolate() const { return is_vm_isolate_; }
  void ResetState() {}

 private:
  Thread* next_ = nullptr;
  const bool is_vm_isolate_;
};

class ObjectPointerVisitor {
 public:
  void VisitThread(Thread* thread);
};

class ThreadRegistry {
 public:
  ThreadRegistry() : threads_lock_("ThreadRegistry::threads_lock_") {}
  ~ThreadRegistry() {
    while (free_list_ != nullptr) {
      Thread* t = free_list_;
      free_list_ = t->next();
      delete t;
    }
  }

  Thread* Schedule(bool is_mutator, bool is_vm_isolate) {
    MutexLocker ml(&threads_lock_);
    Thread* thread = GetFreeThreadLocked(is_vm_isolate);
    if (is_mutator) mutator_thread_ = thread;
    return thread;
  }

  void Unschedule(Thread* thread, bool is_mutator) {
    if (is_mutator) {
      // The mutator is leaving the group; clear it before the thread is
      // recycled so that nobody interrupts a stale thread.
      mutator_thread_ = nullptr;  // EXPECT: concurrency-unguarded-field
    }
    MutexLocker ml(&threads_lock_);
    ReturnThreadLocked(thread);
  }

  bool HasMutator() {
    MutexLocker ml(&threads_lock_);
    return mutator_thread_ != nullptr;
  }

  void VisitObjectPointers(ObjectPointerVisitor* visitor) {
    MutexLocker ml(&threads_lock_);
    for (Thread* t = active_list_; t != nullptr; t = t->next()) visitor->VisitThread(t);
  }

  // Used by the service protocol to report the group's thread count.
  intptr_t CountActiveThreads() {
    intptr_t count = 0;
    for (Thread* t = active_list_; t != nullptr; t = t->next()) ++count;  // EXPECT: concurrency-unguarded-field
    return count;
  }

 private:
  Thread* GetFreeThreadLocked(bool is_vm_isolate) {
    ASSERT(threads_lock_.IsOwnedByCurrentThread());
    Thread* thread = free_list_;
    if (thread != nullptr) {
      free_list_ = thread->next();
    } else {
      thread = new Thread(is_vm_isolate);
    }
    thread->set_next(active_list_);
    active_list_ = thread;
    return thread;
  }

  void ReturnThreadLocked(Thread* thread) {
    ASSERT(threads_lock_.IsOwnedByCurrentThread());
    Thread* prev = nullptr;
    for (Thread* t = active_list_; t != nullptr; prev = t, t = t->next()) {
      if (t != thread) continue;
      if (prev == nullptr) {
        active_list_ = t->next();
      } else {
        prev->set_next(t->next());
      }
      break;
    }
    thread->ResetState();
    thread->set_next(free_list_);
    free_list_ = thread;
  }

  Mutex threads_lock_;
  Thread* active_list_ = nullptr;
  Thread* free_list_ = nullptr;
  Thread* mutator_thread_ = nullptr;
};

}  // namespace dart
