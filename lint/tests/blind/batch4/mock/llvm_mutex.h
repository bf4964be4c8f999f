// Minimal stand-in for llvm/Support/Mutex.h and llvm/Support/RWMutex.h.
// LLVM does not annotate these.
#ifndef BATCH4_MOCK_LLVM_MUTEX_H_
#define BATCH4_MOCK_LLVM_MUTEX_H_

#include <mutex>
#include <shared_mutex>

namespace llvm {
namespace sys {

template <bool mt_only>
class SmartMutex {
 public:
  bool lock() {
    impl.lock();
    ++acquired;
    return true;
  }
  bool unlock() {
    --acquired;
    impl.unlock();
    return true;
  }
  bool try_lock() {
    bool ok = impl.try_lock();
    if (ok) ++acquired;
    return ok;
  }

 private:
  std::recursive_mutex impl;
  unsigned acquired = 0;
};

using Mutex = SmartMutex<false>;

template <bool mt_only>
using SmartScopedLock = std::lock_guard<SmartMutex<mt_only>>;

using ScopedLock = SmartScopedLock<false>;

template <bool mt_only>
class SmartRWMutex {
 public:
  bool lock_shared() {
    impl.lock_shared();
    return true;
  }
  bool unlock_shared() {
    impl.unlock_shared();
    return true;
  }
  bool lock() {
    impl.lock();
    return true;
  }
  bool unlock() {
    impl.unlock();
    return true;
  }

 private:
  std::shared_mutex impl;
};

using RWMutex = SmartRWMutex<false>;

template <bool mt_only>
struct SmartScopedReader {
  SmartRWMutex<mt_only>& mutex;
  explicit SmartScopedReader(SmartRWMutex<mt_only>& m) : mutex(m) {
    mutex.lock_shared();
  }
  ~SmartScopedReader() { mutex.unlock_shared(); }
};

template <bool mt_only>
struct SmartScopedWriter {
  SmartRWMutex<mt_only>& mutex;
  explicit SmartScopedWriter(SmartRWMutex<mt_only>& m) : mutex(m) {
    mutex.lock();
  }
  ~SmartScopedWriter() { mutex.unlock(); }
};

using ScopedReader = SmartScopedReader<false>;
using ScopedWriter = SmartScopedWriter<false>;

}  // namespace sys
}  // namespace llvm

#endif  // BATCH4_MOCK_LLVM_MUTEX_H_
