// A code base with its own GUARDED_BY spelling and an annotated mutex class,
// as LevelDB's port/ has: the fix must use that spelling.
#define LOCKABLE __attribute__((capability("mutex")))
#define SCOPED_LOCKABLE __attribute__((scoped_lockable))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define EXCLUSIVE_LOCK_FUNCTION(...) \
  __attribute__((exclusive_lock_function(__VA_ARGS__)))
#define UNLOCK_FUNCTION(...) __attribute__((unlock_function(__VA_ARGS__)))

#include <mutex>
#include <string>

class LOCKABLE Mutex {
 public:
  void Lock() EXCLUSIVE_LOCK_FUNCTION() { mu_.lock(); }
  void Unlock() UNLOCK_FUNCTION() { mu_.unlock(); }

 private:
  std::mutex mu_;
};

class SCOPED_LOCKABLE MutexLock {
 public:
  explicit MutexLock(Mutex* mu) EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) {
    mu_->Lock();
  }
  ~MutexLock() UNLOCK_FUNCTION() { mu_->Unlock(); }

 private:
  Mutex* const mu_;
};

class Table {
 public:
  void Put(const std::string& value) {
    MutexLock l(&mutex_);
    last_ = value;
    ++puts_;
  }
  std::string Last() {
    MutexLock l(&mutex_);
    return last_;
  }
  int Puts() {
    MutexLock l(&mutex_);
    return puts_;
  }

 private:
  Mutex mutex_;
  std::string last_;
  int puts_ = 0;
};
