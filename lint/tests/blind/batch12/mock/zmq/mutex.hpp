// Minimal stand-in for libzmq's src/mutex.hpp.
#pragma once

#include <pthread.h>

namespace zmq {

class mutex_t {
 public:
  mutex_t () {
    pthread_mutexattr_init (&_attr);
    pthread_mutexattr_settype (&_attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init (&_mutex, &_attr);
  }
  ~mutex_t () {
    pthread_mutex_destroy (&_mutex);
    pthread_mutexattr_destroy (&_attr);
  }

  void lock () { pthread_mutex_lock (&_mutex); }
  bool try_lock () { return pthread_mutex_trylock (&_mutex) == 0; }
  void unlock () { pthread_mutex_unlock (&_mutex); }

  pthread_mutex_t *get_mutex () { return &_mutex; }

 private:
  pthread_mutex_t _mutex;
  pthread_mutexattr_t _attr;

  mutex_t (const mutex_t &);
  const mutex_t &operator= (const mutex_t &);
};

struct scoped_lock_t {
  scoped_lock_t (mutex_t &mutex_) : _mutex (mutex_) { _mutex.lock (); }
  ~scoped_lock_t () { _mutex.unlock (); }

 private:
  mutex_t &_mutex;

  scoped_lock_t (const scoped_lock_t &);
  const scoped_lock_t &operator= (const scoped_lock_t &);
};

struct scoped_optional_lock_t {
  scoped_optional_lock_t (mutex_t *mutex_) : _mutex (mutex_) {
    if (_mutex != nullptr)
      _mutex->lock ();
  }
  ~scoped_optional_lock_t () {
    if (_mutex != nullptr)
      _mutex->unlock ();
  }

 private:
  mutex_t *_mutex;

  scoped_optional_lock_t (const scoped_optional_lock_t &);
  const scoped_optional_lock_t &operator= (const scoped_optional_lock_t &);
};

}  // namespace zmq
