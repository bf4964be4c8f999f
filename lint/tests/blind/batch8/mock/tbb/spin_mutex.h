/*
    Stand-in for oneTBB's tbb/spin_mutex.h.
*/
#ifndef __TBB_spin_mutex_H
#define __TBB_spin_mutex_H

#include <atomic>
#include <thread>

namespace tbb {
namespace detail {
namespace d1 {

//! A lock that occupies a single byte.
class spin_mutex {
public:
    spin_mutex() noexcept : m_flag(false) {}
    ~spin_mutex() = default;
    spin_mutex(const spin_mutex&) = delete;
    spin_mutex& operator=(const spin_mutex&) = delete;

    //! Represents acquisition of a mutex.
    class scoped_lock {
        //! Points to currently held mutex, or nullptr if no lock is held.
        spin_mutex* m_mutex;

    public:
        //! Construct without acquiring a mutex.
        constexpr scoped_lock() noexcept : m_mutex(nullptr) {}

        //! Construct and acquire lock on a mutex.
        scoped_lock(spin_mutex& m) : m_mutex(nullptr) { acquire(m); }

        //! Acquire lock.
        void acquire(spin_mutex& m) {
            m_mutex = &m;
            m.lock();
        }

        //! Try acquiring lock (non-blocking)
        /** Return true if lock acquired; false otherwise. */
        bool try_acquire(spin_mutex& m) {
            bool result = m.try_lock();
            if (result) {
                m_mutex = &m;
            }
            return result;
        }

        //! Release lock
        void release() {
            m_mutex->unlock();
            m_mutex = nullptr;
        }

        //! Destroy lock. If holding a lock, releases the lock first.
        ~scoped_lock() {
            if (m_mutex) {
                release();
            }
        }
    };

    //! Acquire lock
    void lock() {
        while (m_flag.exchange(true, std::memory_order_acquire)) {
            std::this_thread::yield();
        }
    }

    //! Try acquiring lock (non-blocking)
    bool try_lock() { return !m_flag.exchange(true, std::memory_order_acquire); }

    //! Release lock
    void unlock() { m_flag.store(false, std::memory_order_release); }

protected:
    std::atomic<bool> m_flag;
};

} // namespace d1
} // namespace detail

inline namespace v1 {
using detail::d1::spin_mutex;
} // namespace v1
} // namespace tbb

#endif /* __TBB_spin_mutex_H */
