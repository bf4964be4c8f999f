// Minimal stand-in for Godot's core/os/mutex.h.
#pragma once

#ifndef _FORCE_INLINE_
#define _FORCE_INLINE_ inline
#endif
#ifndef _ALWAYS_INLINE_
#define _ALWAYS_INLINE_ inline
#endif

#include <mutex>

#include "core/typedefs.h"

template <class StdMutexT>
class MutexImpl {
	mutable StdMutexT mutex;

public:
	_FORCE_INLINE_ void lock() const {
		mutex.lock();
	}

	_FORCE_INLINE_ void unlock() const {
		mutex.unlock();
	}

	_FORCE_INLINE_ Error try_lock() const {
		return mutex.try_lock() ? OK : ERR_BUSY;
	}
};

template <class MutexT>
class MutexLock {
	const MutexT &mutex;

public:
	_ALWAYS_INLINE_ explicit MutexLock(const MutexT &p_mutex) :
			mutex(p_mutex) {
		mutex.lock();
	}

	_ALWAYS_INLINE_ ~MutexLock() {
		mutex.unlock();
	}
};

using Mutex = MutexImpl<std::recursive_mutex>; // Recursive, for general use.
using BinaryMutex = MutexImpl<std::mutex>; // Non-recursive, handle with care.
