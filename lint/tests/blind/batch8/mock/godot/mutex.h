/**************************************************************************/
/*  mutex.h  (stand-in for Godot's core/os/mutex.h)                       */
/**************************************************************************/
#ifndef MUTEX_H
#define MUTEX_H

#include <mutex>

template <class StdMutexT>
class MutexImpl {
	friend class MutexLock;
	using StdMutexType = StdMutexT;

	mutable StdMutexT mutex;

public:
	inline void lock() const {
		mutex.lock();
	}

	inline void unlock() const {
		mutex.unlock();
	}

	inline bool try_lock() const {
		return mutex.try_lock();
	}
};

using Mutex = MutexImpl<std::recursive_mutex>; // Recursive, for general use
using BinaryMutex = MutexImpl<std::mutex>; // Non-recursive, handle with care

class MutexLock {
	std::unique_lock<std::recursive_mutex> lock;

public:
	inline explicit MutexLock(const Mutex &p_mutex) :
			lock(p_mutex.mutex) {}
};

class BinaryMutexLock {
	const BinaryMutex &mutex;

public:
	inline explicit BinaryMutexLock(const BinaryMutex &p_mutex) :
			mutex(p_mutex) {
		mutex.lock();
	}
	inline ~BinaryMutexLock() {
		mutex.unlock();
	}
};

#endif // MUTEX_H
