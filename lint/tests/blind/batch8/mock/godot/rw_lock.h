/*  rw_lock.h  (stand-in for Godot's core/os/rw_lock.h) */
#ifndef RW_LOCK_H
#define RW_LOCK_H

#include <shared_mutex>

class RWLock {
	mutable std::shared_timed_mutex mutex;

public:
	// Lock the RWLock, block if locked by someone else.
	void read_lock() const {
		mutex.lock_shared();
	}

	// Unlock the RWLock, let other threads continue.
	void read_unlock() const {
		mutex.unlock_shared();
	}

	// Lock the RWLock, block if locked by someone else.
	void write_lock() {
		mutex.lock();
	}

	// Unlock the RWLock, let other threads continue.
	void write_unlock() {
		mutex.unlock();
	}
};

class RWLockRead {
	const RWLock &lock;

public:
	RWLockRead(const RWLock &p_lock) :
			lock(p_lock) {
		lock.read_lock();
	}
	~RWLockRead() {
		lock.read_unlock();
	}
};

class RWLockWrite {
	RWLock &lock;

public:
	RWLockWrite(RWLock &p_lock) :
			lock(p_lock) {
		lock.write_lock();
	}
	~RWLockWrite() {
		lock.write_unlock();
	}
};

#endif // RW_LOCK_H
