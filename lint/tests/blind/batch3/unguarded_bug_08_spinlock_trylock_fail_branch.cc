// Sampling profiler with an annotated test-and-set spin lock. The signal-
// safe fast path uses TryLock() and, when it fails, bumps the guarded
// dropped-sample counter anyway, without the lock.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define TRY_ACQUIRE(...) __attribute__((try_acquire_capability(__VA_ARGS__)))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))

namespace profiler {

class CAPABILITY("mutex") SpinLock {
 public:
  void Lock() ACQUIRE() {
    while (flag_.test_and_set(std::memory_order_acquire)) {
    }
  }
  bool TryLock() TRY_ACQUIRE(true) {
    return !flag_.test_and_set(std::memory_order_acquire);
  }
  void Unlock() RELEASE() { flag_.clear(std::memory_order_release); }

 private:
  std::atomic_flag flag_ = ATOMIC_FLAG_INIT;
};

class SCOPED_CAPABILITY SpinLockHolder {
 public:
  explicit SpinLockHolder(SpinLock* lock) ACQUIRE(lock) : lock_(lock) {
    lock_->Lock();
  }
  ~SpinLockHolder() RELEASE() { lock_->Unlock(); }

 private:
  SpinLock* const lock_;
};

class SampleBuffer {
 public:
  // Called from the SIGPROF handler on whichever thread was interrupted.
  void RecordSample(uint64_t pc) {
    if (!lock_.TryLock()) {
      ++dropped_samples_;  // EXPECT: concurrency-unguarded-field
      return;
    }
    if (samples_.size() < kCapacity) samples_.push_back(pc);
    lock_.Unlock();
  }

  std::vector<uint64_t> Drain(uint64_t* dropped) {
    SpinLockHolder hold(&lock_);
    *dropped = dropped_samples_;
    dropped_samples_ = 0;
    std::vector<uint64_t> out;
    out.swap(samples_);
    return out;
  }

 private:
  static constexpr size_t kCapacity = 4096;

  SpinLock lock_;
  std::vector<uint64_t> samples_ GUARDED_BY(lock_);
  uint64_t dropped_samples_ GUARDED_BY(lock_) = 0;
};

}  // namespace profiler
