//
// RWLock.h
//
// Library: Foundation
// Package: Threading
// Module:  RWLock
//
#ifndef Foundation_RWLock_INCLUDED
#define Foundation_RWLock_INCLUDED

#include <pthread.h>

namespace Poco {

class ScopedRWLock;
class ScopedReadRWLock;
class ScopedWriteRWLock;

class RWLock
	/// A reader writer lock allows multiple concurrent
	/// readers or one exclusive writer.
{
public:
  typedef ScopedRWLock ScopedLock;
  typedef ScopedReadRWLock ScopedReadLock;
  typedef ScopedWriteRWLock ScopedWriteLock;

  RWLock() { pthread_rwlock_init(&_rwl, nullptr); }
  ~RWLock() { pthread_rwlock_destroy(&_rwl); }

  void readLock() { pthread_rwlock_rdlock(&_rwl); }
  bool tryReadLock() { return pthread_rwlock_tryrdlock(&_rwl) == 0; }
  void writeLock() { pthread_rwlock_wrlock(&_rwl); }
  bool tryWriteLock() { return pthread_rwlock_trywrlock(&_rwl) == 0; }
  void unlock() { pthread_rwlock_unlock(&_rwl); }

private:
  pthread_rwlock_t _rwl;
  RWLock(const RWLock &);
  RWLock &operator=(const RWLock &);
};

class ScopedRWLock
	/// A variant of ScopedLock for reader/writer locks.
{
public:
  ScopedRWLock(RWLock &rwl, bool write = false) : _rwl(rwl) {
    if (write)
      _rwl.writeLock();
    else
      _rwl.readLock();
  }
  ~ScopedRWLock() { _rwl.unlock(); }

private:
  RWLock &_rwl;
};

class ScopedReadRWLock
	/// A variant of ScopedLock for reader locks.
{
public:
  ScopedReadRWLock(RWLock &rwl) : _rwl(rwl) { _rwl.readLock(); }
  ~ScopedReadRWLock() { _rwl.unlock(); }

private:
  RWLock &_rwl;
};

class ScopedWriteRWLock
	/// A variant of ScopedLock for writer locks.
{
public:
  ScopedWriteRWLock(RWLock &rwl) : _rwl(rwl) { _rwl.writeLock(); }
  ~ScopedWriteRWLock() { _rwl.unlock(); }

private:
  RWLock &_rwl;
};

} // namespace Poco

#endif // Foundation_RWLock_INCLUDED
