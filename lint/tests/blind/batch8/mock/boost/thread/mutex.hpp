// Stand-in for boost/thread/mutex.hpp (pthread implementation).
#ifndef BOOST_THREAD_MUTEX_HPP
#define BOOST_THREAD_MUTEX_HPP

#include <pthread.h>
#include <boost/thread/lock_types.hpp>

namespace boost {

class mutex {
private:
  pthread_mutex_t m;

public:
  mutex(const mutex &) = delete;
  mutex &operator=(const mutex &) = delete;
  mutex() { pthread_mutex_init(&m, nullptr); }
  ~mutex() { pthread_mutex_destroy(&m); }

  void lock() { pthread_mutex_lock(&m); }
  void unlock() { pthread_mutex_unlock(&m); }
  bool try_lock() { return pthread_mutex_trylock(&m) == 0; }

  typedef pthread_mutex_t *native_handle_type;
  native_handle_type native_handle() { return &m; }

  typedef unique_lock<mutex> scoped_lock;
  typedef scoped_lock scoped_try_lock;
};

typedef mutex try_mutex;

class recursive_mutex {
  pthread_mutex_t m;

public:
  recursive_mutex() {
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&m, &attr);
    pthread_mutexattr_destroy(&attr);
  }
  ~recursive_mutex() { pthread_mutex_destroy(&m); }
  void lock() { pthread_mutex_lock(&m); }
  void unlock() { pthread_mutex_unlock(&m); }
  bool try_lock() { return pthread_mutex_trylock(&m) == 0; }

  typedef unique_lock<recursive_mutex> scoped_lock;
};

} // namespace boost

#endif
