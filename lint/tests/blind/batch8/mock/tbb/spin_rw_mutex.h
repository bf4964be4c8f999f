/*
    Stand-in for oneTBB's tbb/spin_rw_mutex.h.
*/
#ifndef __TBB_spin_rw_mutex_H
#define __TBB_spin_rw_mutex_H

#include <atomic>
#include <cstdint>
#include <thread>

namespace tbb {
namespace detail {
namespace d1 {

//! Fast, unfair, spinning reader-writer lock with backoff and writer-preference
class spin_rw_mutex {
public:
    spin_rw_mutex() noexcept : m_state(0) {}
    spin_rw_mutex(const spin_rw_mutex&) = delete;

    //! The scoped locking pattern
    class scoped_lock {
    public:
        constexpr scoped_lock() noexcept : m_mutex(nullptr), m_is_writer(false) {}

        //! Acquire lock on given mutex.
        scoped_lock(spin_rw_mutex& m, bool write = true) : m_mutex(nullptr) { acquire(m, write); }

        //! Release lock (if lock is held).
        ~scoped_lock() {
            if (m_mutex) release();
        }

        //! Acquire lock on given mutex.
        void acquire(spin_rw_mutex& m, bool write = true) {
            m_is_writer = write;
            m_mutex = &m;
            if (write) {
                m_mutex->lock();
            } else {
                m_mutex->lock_shared();
            }
        }

        //! Upgrade reader to become a writer.
        /** Returns whether the upgrade happened without releasing and re-acquiring the lock */
        bool upgrade_to_writer() {
            m_is_writer = true;
            m_mutex->unlock_shared();
            m_mutex->lock();
            return false;
        }

        //! Release lock.
        void release() {
            spin_rw_mutex* m = m_mutex;
            m_mutex = nullptr;
            if (m_is_writer) {
                m->unlock();
            } else {
                m->unlock_shared();
            }
        }

    protected:
        spin_rw_mutex* m_mutex;
        bool m_is_writer;
    };

    void lock() {
        for (;;) {
            std::intptr_t expected = 0;
            if (m_state.compare_exchange_weak(expected, WRITER)) return;
            std::this_thread::yield();
        }
    }
    bool try_lock() {
        std::intptr_t expected = 0;
        return m_state.compare_exchange_strong(expected, WRITER);
    }
    void unlock() { m_state.fetch_and(READERS); }

    void lock_shared() {
        for (;;) {
            std::intptr_t s = m_state.load(std::memory_order_relaxed);
            if (!(s & WRITER) && m_state.compare_exchange_weak(s, s + ONE_READER)) return;
            std::this_thread::yield();
        }
    }
    void unlock_shared() { m_state.fetch_sub(ONE_READER); }

protected:
    static constexpr std::intptr_t WRITER = 1;
    static constexpr std::intptr_t ONE_READER = 4;
    static constexpr std::intptr_t READERS = ~(ONE_READER - 1);
    std::atomic<std::intptr_t> m_state;
};

} // namespace d1
} // namespace detail

inline namespace v1 {
using detail::d1::spin_rw_mutex;
} // namespace v1
} // namespace tbb

#endif
