// Stand-in for boost/thread/shared_mutex.hpp (pthread implementation).
#ifndef BOOST_THREAD_SHARED_MUTEX_HPP
#define BOOST_THREAD_SHARED_MUTEX_HPP

#include <pthread.h>
#include <boost/thread/lock_types.hpp>

namespace boost {

class shared_mutex {
  pthread_rwlock_t rw;
  pthread_mutex_t upgrade_gate;

public:
  shared_mutex() {
    pthread_rwlock_init(&rw, nullptr);
    pthread_mutex_init(&upgrade_gate, nullptr);
  }
  ~shared_mutex() {
    pthread_rwlock_destroy(&rw);
    pthread_mutex_destroy(&upgrade_gate);
  }
  shared_mutex(const shared_mutex &) = delete;

  void lock_shared() { pthread_rwlock_rdlock(&rw); }
  bool try_lock_shared() { return pthread_rwlock_tryrdlock(&rw) == 0; }
  void unlock_shared() { pthread_rwlock_unlock(&rw); }

  void lock() { pthread_rwlock_wrlock(&rw); }
  bool try_lock() { return pthread_rwlock_trywrlock(&rw) == 0; }
  void unlock() { pthread_rwlock_unlock(&rw); }

  void lock_upgrade() {
    pthread_mutex_lock(&upgrade_gate);
    pthread_rwlock_rdlock(&rw);
  }
  void unlock_upgrade() {
    pthread_rwlock_unlock(&rw);
    pthread_mutex_unlock(&upgrade_gate);
  }
  void unlock_upgrade_and_lock() {
    pthread_rwlock_unlock(&rw);
    pthread_rwlock_wrlock(&rw);
  }
  void unlock_and_lock_upgrade() {
    pthread_rwlock_unlock(&rw);
    pthread_rwlock_rdlock(&rw);
  }
};

} // namespace boost

#endif
