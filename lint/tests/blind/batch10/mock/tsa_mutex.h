// Mock of a ClickHouse-style annotated wrapper over std::mutex
// (base/defines.h's TSA_* macros plus a capability-annotated mutex).
#pragma once
#include <mutex>
#include <string>

#define TSA_CAPABILITY(x) __attribute__((capability(x)))
#define TSA_SCOPED_LOCKABLE __attribute__((scoped_lockable))
#define TSA_GUARDED_BY(...) __attribute__((guarded_by(__VA_ARGS__)))
#define TSA_PT_GUARDED_BY(...) __attribute__((pt_guarded_by(__VA_ARGS__)))
#define TSA_REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define TSA_REQUIRES_SHARED(...) \
  __attribute__((requires_shared_capability(__VA_ARGS__)))
#define TSA_EXCLUDES(...) __attribute__((locks_excluded(__VA_ARGS__)))
#define TSA_ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define TSA_RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define TSA_TRY_ACQUIRE(...) \
  __attribute__((try_acquire_capability(__VA_ARGS__)))
#define TSA_NO_THREAD_SAFETY_ANALYSIS \
  __attribute__((no_thread_safety_analysis))

namespace DB {

class TSA_CAPABILITY("mutex") TSAMutex {
 public:
  void lock() TSA_ACQUIRE() { m.lock(); }
  void unlock() TSA_RELEASE() { m.unlock(); }
  bool try_lock() TSA_TRY_ACQUIRE(true) { return m.try_lock(); }

 private:
  std::mutex m;
};

class TSA_SCOPED_LOCKABLE TSALockGuard {
 public:
  explicit TSALockGuard(TSAMutex& mu) TSA_ACQUIRE(mu) : mu_(mu) { mu_.lock(); }
  ~TSALockGuard() TSA_RELEASE() { mu_.unlock(); }
  TSALockGuard(const TSALockGuard&) = delete;

 private:
  TSAMutex& mu_;
};

namespace ErrorCodes {
constexpr int LOGICAL_ERROR = 49;
constexpr int TIMEOUT_EXCEEDED = 159;
constexpr int ABORTED = 236;
}  // namespace ErrorCodes

class Exception {
 public:
  Exception(int code, std::string msg) : code_(code), msg_(std::move(msg)) {}
  int code() const { return code_; }
  const std::string& message() const { return msg_; }

 private:
  int code_;
  std::string msg_;
};

struct LogStream {
  template <typename T>
  LogStream& operator<<(const T&) { return *this; }
};
inline LogStream LOG_INFO_STREAM() { return LogStream(); }

}  // namespace DB

#define LOG_INFO(logger, ...) \
  do { ::DB::LogStream s_; (void)(logger); s_ << __VA_ARGS__; } while (0)
#define LOG_WARNING(logger, ...) \
  do { ::DB::LogStream s_; (void)(logger); s_ << __VA_ARGS__; } while (0)
