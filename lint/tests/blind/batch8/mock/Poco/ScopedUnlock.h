//
// ScopedUnlock.h
//
// Library: Foundation
// Package: Threading
// Module:  Mutex
//
#ifndef Foundation_ScopedUnlock_INCLUDED
#define Foundation_ScopedUnlock_INCLUDED

namespace Poco {

template <class M>
class ScopedUnlock
	/// A class that simplifies thread synchronization
	/// with a mutex.
	/// The constructor accepts a Mutex and unlocks it.
	/// The destructor locks the mutex.
{
public:
  inline ScopedUnlock(M &mutex, bool unlockNow = true) : _mutex(mutex) {
    if (unlockNow)
      _mutex.unlock();
  }
  inline ~ScopedUnlock() { _mutex.lock(); }

private:
  M &_mutex;

  ScopedUnlock();
  ScopedUnlock(const ScopedUnlock &);
  ScopedUnlock &operator=(const ScopedUnlock &);
};

} // namespace Poco

#endif // Foundation_ScopedUnlock_INCLUDED
