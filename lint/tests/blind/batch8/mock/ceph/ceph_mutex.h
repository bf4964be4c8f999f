// Stand-in for ceph's common/ceph_mutex.h (release builds: the std types).
#pragma once

#include <condition_variable>
#include <mutex>
#include <shared_mutex>
#include <string>

namespace ceph {

typedef std::mutex mutex;
typedef std::recursive_mutex recursive_mutex;
typedef std::condition_variable condition_variable;
typedef std::shared_mutex shared_mutex;

// Debug builds name their mutexes; release builds ignore the name.
template <typename... Args> mutex make_mutex(Args &&...) { return {}; }
template <typename... Args> recursive_mutex make_recursive_mutex(Args &&...) { return {}; }
template <typename... Args> shared_mutex make_shared_mutex(Args &&...) { return {}; }

#define ceph_assert(expr) do { } while (0)
#define ceph_mutex_is_locked(m) true
#define ceph_mutex_is_locked_by_me(m) true

} // namespace ceph
