// Minimal stand-ins for MySQL's instrumented mutex macros
// (mysql/psi/mysql_mutex.h) and InnoDB's sync primitives (ib_mutex_t,
// mutex_enter/mutex_exit, rw_lock_t).
#pragma once

#include <pthread.h>
#include <cstddef>
#include <cstdint>

typedef unsigned int uint;
typedef uint64_t ulonglong;
typedef unsigned long ulint;

struct mysql_mutex_t {
  pthread_mutex_t m_mutex;
  const char* m_name;
};

struct mysql_cond_t {
  pthread_cond_t m_cond;
};

static inline int inline_mysql_mutex_init(mysql_mutex_t* that, const char* name) {
  that->m_name = name;
  return pthread_mutex_init(&that->m_mutex, nullptr);
}
static inline int inline_mysql_mutex_destroy(mysql_mutex_t* that) {
  return pthread_mutex_destroy(&that->m_mutex);
}
static inline int inline_mysql_mutex_lock(mysql_mutex_t* that, const char* /*file*/,
                                          uint /*line*/) {
  return pthread_mutex_lock(&that->m_mutex);
}
static inline int inline_mysql_mutex_unlock(mysql_mutex_t* that, const char* /*file*/,
                                            uint /*line*/) {
  return pthread_mutex_unlock(&that->m_mutex);
}
static inline int inline_mysql_cond_wait(mysql_cond_t* that, mysql_mutex_t* mutex) {
  return pthread_cond_wait(&that->m_cond, &mutex->m_mutex);
}
static inline int inline_mysql_cond_broadcast(mysql_cond_t* that) {
  return pthread_cond_broadcast(&that->m_cond);
}

#define mysql_mutex_init(K, M, A) inline_mysql_mutex_init(M, #M)
#define mysql_mutex_destroy(M) inline_mysql_mutex_destroy(M)
#define mysql_mutex_lock(M) inline_mysql_mutex_lock(M, __FILE__, __LINE__)
#define mysql_mutex_unlock(M) inline_mysql_mutex_unlock(M, __FILE__, __LINE__)
#define mysql_mutex_assert_owner(M) ((void)(M))
#define mysql_cond_init(K, C) pthread_cond_init(&(C)->m_cond, nullptr)
#define mysql_cond_destroy(C) pthread_cond_destroy(&(C)->m_cond)
#define mysql_cond_wait(C, M) inline_mysql_cond_wait(C, M)
#define mysql_cond_broadcast(C) inline_mysql_cond_broadcast(C)

// ---- InnoDB ----

struct ib_mutex_t {
  void init(const char* name) {
    m_name = name;
    pthread_mutex_init(&m_mutex, nullptr);
  }
  void destroy() { pthread_mutex_destroy(&m_mutex); }
  void enter() { pthread_mutex_lock(&m_mutex); }
  void exit() { pthread_mutex_unlock(&m_mutex); }
  bool try_lock() { return pthread_mutex_trylock(&m_mutex) == 0; }

  pthread_mutex_t m_mutex;
  const char* m_name;
};

#define mutex_create(I, M) (M)->init(#M)
#define mutex_free(M) (M)->destroy()
#define mutex_enter(M) (M)->enter()
#define mutex_exit(M) (M)->exit()

struct rw_lock_t {
  pthread_rwlock_t m_rw;
};

static inline void rw_lock_create_func(rw_lock_t* lock) { pthread_rwlock_init(&lock->m_rw, nullptr); }
static inline void rw_lock_free_func(rw_lock_t* lock) { pthread_rwlock_destroy(&lock->m_rw); }
static inline void rw_lock_s_lock_func(rw_lock_t* lock) { pthread_rwlock_rdlock(&lock->m_rw); }
static inline void rw_lock_s_unlock_func(rw_lock_t* lock) { pthread_rwlock_unlock(&lock->m_rw); }
static inline void rw_lock_x_lock_func(rw_lock_t* lock) { pthread_rwlock_wrlock(&lock->m_rw); }
static inline void rw_lock_x_unlock_func(rw_lock_t* lock) { pthread_rwlock_unlock(&lock->m_rw); }

#define rw_lock_create(K, L, Level) rw_lock_create_func(L)
#define rw_lock_free(L) rw_lock_free_func(L)
#define rw_lock_s_lock(L) rw_lock_s_lock_func(L)
#define rw_lock_s_unlock(L) rw_lock_s_unlock_func(L)
#define rw_lock_x_lock(L) rw_lock_x_lock_func(L)
#define rw_lock_x_unlock(L) rw_lock_x_unlock_func(L)

namespace ib {
class error {
 public:
  template <typename T>
  error& operator<<(const T&) {
    return *this;
  }
};
class info {
 public:
  template <typename T>
  info& operator<<(const T&) {
    return *this;
  }
};
}  // namespace ib

enum dberr_t { DB_SUCCESS = 10, DB_ERROR, DB_NOT_FOUND, DB_OUT_OF_MEMORY };
