// Stand-in for MySQL's mysql/psi/mysql_mutex.h and mysql_cond.h: the
// instrumented mutex macros over a pthread mutex. This copy carries clang
// thread-safety annotations on mysql_mutex_t and the inline lock functions
// the macros expand to (as a -Wthread-safety build of the server would).
#pragma once

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#define MY_TS_ATTR(x) __attribute__((x))
#define MY_CAPABILITY(x) MY_TS_ATTR(capability(x))
#define MY_SCOPED_CAPABILITY MY_TS_ATTR(scoped_lockable)
#define MY_GUARDED_BY(x) MY_TS_ATTR(guarded_by(x))
#define MY_REQUIRES(...) MY_TS_ATTR(requires_capability(__VA_ARGS__))
#define MY_ACQUIRE(...) MY_TS_ATTR(acquire_capability(__VA_ARGS__))
#define MY_RELEASE(...) MY_TS_ATTR(release_capability(__VA_ARGS__))
#define MY_TRY_ACQUIRE(...) MY_TS_ATTR(try_acquire_capability(__VA_ARGS__))
#define MY_ASSERT_CAPABILITY(x) MY_TS_ATTR(assert_capability(x))
#define MY_EXCLUDES(...) MY_TS_ATTR(locks_excluded(__VA_ARGS__))
#define MY_NO_THREAD_SAFETY_ANALYSIS MY_TS_ATTR(no_thread_safety_analysis)

typedef unsigned long ulong;
typedef unsigned int uint;
typedef unsigned long long ulonglong;
typedef unsigned int PSI_mutex_key;

struct MY_CAPABILITY("mutex") mysql_mutex_t {
  pthread_mutex_t m_mutex;
  const char* m_name;
};

struct mysql_cond_t {
  pthread_cond_t m_cond;
};

static inline int inline_mysql_mutex_init(PSI_mutex_key, mysql_mutex_t* that, const char* name) {
  that->m_name = name;
  return pthread_mutex_init(&that->m_mutex, nullptr);
}
static inline int inline_mysql_mutex_destroy(mysql_mutex_t* that) {
  return pthread_mutex_destroy(&that->m_mutex);
}
static inline int inline_mysql_mutex_lock(mysql_mutex_t* that, const char*, uint)
    MY_ACQUIRE(that) MY_NO_THREAD_SAFETY_ANALYSIS {
  return pthread_mutex_lock(&that->m_mutex);
}
static inline int inline_mysql_mutex_trylock(mysql_mutex_t* that, const char*, uint)
    MY_TRY_ACQUIRE(0, that) MY_NO_THREAD_SAFETY_ANALYSIS {
  return pthread_mutex_trylock(&that->m_mutex);
}
static inline int inline_mysql_mutex_unlock(mysql_mutex_t* that, const char*, uint)
    MY_RELEASE(that) MY_NO_THREAD_SAFETY_ANALYSIS {
  return pthread_mutex_unlock(&that->m_mutex);
}
static inline void inline_mysql_mutex_assert_owner(const mysql_mutex_t* that)
    MY_ASSERT_CAPABILITY(that) {}

#define mysql_mutex_init(K, M, A) inline_mysql_mutex_init(K, M, #M)
#define mysql_mutex_destroy(M) inline_mysql_mutex_destroy(M)
#define mysql_mutex_lock(M) inline_mysql_mutex_lock(M, __FILE__, __LINE__)
#define mysql_mutex_trylock(M) inline_mysql_mutex_trylock(M, __FILE__, __LINE__)
#define mysql_mutex_unlock(M) inline_mysql_mutex_unlock(M, __FILE__, __LINE__)
#define mysql_mutex_assert_owner(M) inline_mysql_mutex_assert_owner(M)
#define mysql_mutex_assert_not_owner(M) ((void)(M))

static inline int inline_mysql_cond_wait(mysql_cond_t* that, mysql_mutex_t* mutex)
    MY_REQUIRES(mutex) {
  return pthread_cond_wait(&that->m_cond, &mutex->m_mutex);
}
#define mysql_cond_init(K, C) pthread_cond_init(&(C)->m_cond, nullptr)
#define mysql_cond_wait(C, M) inline_mysql_cond_wait(C, M)
#define mysql_cond_signal(C) pthread_cond_signal(&(C)->m_cond)
#define mysql_cond_broadcast(C) pthread_cond_broadcast(&(C)->m_cond)

// sql/mutex_lock.h: RAII over mysql_mutex_t, used through MUTEX_LOCK.
class MY_SCOPED_CAPABILITY Mutex_lock {
 public:
  Mutex_lock(mysql_mutex_t* mutex, const char* src_file, int src_line) MY_ACQUIRE(mutex)
      : m_mutex(mutex), m_src_file(src_file), m_src_line(src_line) {
    inline_mysql_mutex_lock(m_mutex, m_src_file, static_cast<uint>(m_src_line));
  }
  ~Mutex_lock() MY_RELEASE() {
    inline_mysql_mutex_unlock(m_mutex, m_src_file, static_cast<uint>(m_src_line));
  }

 private:
  mysql_mutex_t* m_mutex;
  const char* m_src_file;
  int m_src_line;
};

#define MUTEX_LOCK_CONCAT2(a, b) a##b
#define MUTEX_LOCK_CONCAT(a, b) MUTEX_LOCK_CONCAT2(a, b)
#define MUTEX_LOCK(NAME, X) Mutex_lock NAME(X, __FILE__, __LINE__)
