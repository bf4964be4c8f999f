//
// ScopedLock.h
//
// Library: Foundation
// Package: Threading
// Module:  Mutex
//
#ifndef Foundation_ScopedLock_INCLUDED
#define Foundation_ScopedLock_INCLUDED

namespace Poco {

template <class M>
class ScopedLock
	/// A class that simplifies thread synchronization
	/// with a mutex.
	/// The constructor accepts a Mutex (and optionally
	/// a timeout value in milliseconds) and locks it.
	/// The destructor unlocks the mutex.
{
public:
  explicit ScopedLock(M &mutex) : _mutex(mutex) { _mutex.lock(); }
  ~ScopedLock() { _mutex.unlock(); }

private:
  M &_mutex;

  ScopedLock();
  ScopedLock(const ScopedLock &);
  ScopedLock &operator=(const ScopedLock &);
};

template <class M>
class ScopedLockWithUnlock
	/// A class that simplifies thread synchronization
	/// with a mutex. The unlock() member can be used to
	/// release the mutex before the destructor runs.
{
public:
  explicit ScopedLockWithUnlock(M &mutex) : _pMutex(&mutex) { _pMutex->lock(); }
  ~ScopedLockWithUnlock() { unlock(); }

  void unlock() {
    if (_pMutex) {
      _pMutex->unlock();
      _pMutex = 0;
    }
  }

private:
  M *_pMutex;

  ScopedLockWithUnlock();
  ScopedLockWithUnlock(const ScopedLockWithUnlock &);
  ScopedLockWithUnlock &operator=(const ScopedLockWithUnlock &);
};

} // namespace Poco

#endif // Foundation_ScopedLock_INCLUDED
