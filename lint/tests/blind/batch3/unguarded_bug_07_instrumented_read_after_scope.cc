// RocksDB-style flush job: InstrumentedMutex / InstrumentedMutexLock wrap a
// std::mutex and carry capability annotations. bg_error_ is only ever set
// and read under the DB mutex, except for the listener notification at the
// end of Run(), which reads it after the lock's scope has closed.
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))

namespace rocksdb {

class CAPABILITY("mutex") InstrumentedMutex {
 public:
  void Lock() ACQUIRE() {
    mutex_.lock();
    ++lock_count_;
  }
  void Unlock() RELEASE() { mutex_.unlock(); }

 private:
  std::mutex mutex_;
  uint64_t lock_count_ = 0;  // only touched while mutex_ is held
};

class SCOPED_CAPABILITY InstrumentedMutexLock {
 public:
  explicit InstrumentedMutexLock(InstrumentedMutex* mutex) ACQUIRE(mutex)
      : mutex_(mutex) {
    mutex_->Lock();
  }
  ~InstrumentedMutexLock() RELEASE() { mutex_->Unlock(); }

 private:
  InstrumentedMutex* const mutex_;
};

class EventListener {
 public:
  virtual ~EventListener() = default;
  virtual void OnBackgroundError(const std::string& error) = 0;
};

class FlushScheduler {
 public:
  void RunFlush(bool (*write_memtable)()) {
    {
      InstrumentedMutexLock l(&mutex_);
      ++running_flushes_;
    }
    const bool ok = write_memtable();
    {
      InstrumentedMutexLock l(&mutex_);
      --running_flushes_;
      if (!ok) bg_error_ = "IO error: flush failed";
    }
    if (!bg_error_.empty())
      NotifyListeners();  // EXPECT: concurrency-unguarded-field
  }

  std::string GetBGError() {
    InstrumentedMutexLock l(&mutex_);
    return bg_error_;
  }

  void ClearBGError() {
    InstrumentedMutexLock l(&mutex_);
    bg_error_.clear();
  }

  void AddListener(EventListener* listener) {
    InstrumentedMutexLock l(&mutex_);
    listeners_.push_back(listener);
  }

 private:
  void NotifyListeners() {
    const std::string error = GetBGError();
    InstrumentedMutexLock l(&mutex_);
    for (EventListener* listener : listeners_)
      listener->OnBackgroundError(error);
  }

  InstrumentedMutex mutex_;
  int running_flushes_ = 0;
  std::string bg_error_;
  std::vector<EventListener*> listeners_;
};

}  // namespace rocksdb
