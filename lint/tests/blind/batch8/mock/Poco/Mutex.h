//
// Mutex.h
//
// Library: Foundation
// Package: Threading
// Module:  Mutex
//
// Stand-in for the POCO header: Mutex, FastMutex and NullMutex (POSIX).
//
#ifndef Foundation_Mutex_INCLUDED
#define Foundation_Mutex_INCLUDED

#include <pthread.h>
#include "Poco/ScopedLock.h"
#include "Poco/ScopedUnlock.h"

namespace Poco {

class MutexImpl {
protected:
  MutexImpl() { pthread_mutex_init(&_mutex, nullptr); }
  ~MutexImpl() { pthread_mutex_destroy(&_mutex); }
  void lockImpl() { pthread_mutex_lock(&_mutex); }
  bool tryLockImpl() { return pthread_mutex_trylock(&_mutex) == 0; }
  void unlockImpl() { pthread_mutex_unlock(&_mutex); }

private:
  pthread_mutex_t _mutex;
};

class Mutex : private MutexImpl
	/// A Mutex (mutual exclusion) is a synchronization
	/// mechanism used to control access to a shared resource
	/// in a concurrent (multithreaded) scenario.
	/// Mutexes are recursive, that is, the same mutex can be
	/// locked multiple times by the same thread (but, of course,
	/// not by other threads).
{
public:
  typedef Poco::ScopedLock<Mutex> ScopedLock;

  Mutex() {}
  ~Mutex() {}

  void lock() { lockImpl(); }
  bool tryLock() { return tryLockImpl(); }
  void unlock() { unlockImpl(); }

private:
  Mutex(const Mutex &);
  Mutex &operator=(const Mutex &);
};

class FastMutex : private MutexImpl
	/// A FastMutex (mutual exclusion) is similar to a Mutex.
	/// Unlike a Mutex, however, a FastMutex is not recursive.
{
public:
  typedef Poco::ScopedLock<FastMutex> ScopedLock;

  FastMutex() {}
  ~FastMutex() {}

  void lock() { lockImpl(); }
  bool tryLock() { return tryLockImpl(); }
  void unlock() { unlockImpl(); }

private:
  FastMutex(const FastMutex &);
  FastMutex &operator=(const FastMutex &);
};

} // namespace Poco

#endif // Foundation_Mutex_INCLUDED
