// Stand-in for libzmq's src/mutex.hpp and src/condition_variable.hpp (POSIX
// branch). libzmq is not built with clang's thread-safety analysis: nothing
// here is annotated.
#ifndef BATCH7_MOCK_ZMQ_MUTEX_H_
#define BATCH7_MOCK_ZMQ_MUTEX_H_

#include <errno.h>
#include <pthread.h>
#include <time.h>

#include <cassert>

#define zmq_assert(x) assert(x)
#define posix_assert(x) assert((x) == 0)

namespace zmq
{
class mutex_t
{
  public:
    mutex_t ()
    {
        int rc = pthread_mutexattr_init (&_attr);
        posix_assert (rc);
        rc = pthread_mutexattr_settype (&_attr, PTHREAD_MUTEX_RECURSIVE);
        posix_assert (rc);
        rc = pthread_mutex_init (&_mutex, &_attr);
        posix_assert (rc);
    }

    ~mutex_t ()
    {
        pthread_mutex_destroy (&_mutex);
        pthread_mutexattr_destroy (&_attr);
    }

    void lock ()
    {
        const int rc = pthread_mutex_lock (&_mutex);
        posix_assert (rc);
    }

    bool try_lock ()
    {
        const int rc = pthread_mutex_trylock (&_mutex);
        if (rc == EBUSY)
            return false;
        posix_assert (rc);
        return true;
    }

    void unlock ()
    {
        const int rc = pthread_mutex_unlock (&_mutex);
        posix_assert (rc);
    }

    pthread_mutex_t *get_mutex () { return &_mutex; }

  private:
    pthread_mutex_t _mutex;
    pthread_mutexattr_t _attr;

    mutex_t (const mutex_t &);
    const mutex_t &operator= (const mutex_t &);
};

struct scoped_lock_t
{
    scoped_lock_t (mutex_t &mutex_) : _mutex (mutex_) { _mutex.lock (); }

    ~scoped_lock_t () { _mutex.unlock (); }

  private:
    mutex_t &_mutex;

    scoped_lock_t (const scoped_lock_t &);
    const scoped_lock_t &operator= (const scoped_lock_t &);
};

struct scoped_optional_lock_t
{
    scoped_optional_lock_t (mutex_t *mutex_) : _mutex (mutex_)
    {
        if (_mutex != NULL)
            _mutex->lock ();
    }

    ~scoped_optional_lock_t ()
    {
        if (_mutex != NULL)
            _mutex->unlock ();
    }

  private:
    mutex_t *_mutex;

    scoped_optional_lock_t (const scoped_optional_lock_t &);
    const scoped_optional_lock_t &operator= (const scoped_optional_lock_t &);
};

class condition_variable_t
{
  public:
    condition_variable_t ()
    {
        const int rc = pthread_cond_init (&_cond, NULL);
        posix_assert (rc);
    }

    ~condition_variable_t () { pthread_cond_destroy (&_cond); }

    //  Returns -1 with errno EAGAIN when the timeout expires.
    int wait (mutex_t *mutex_, int timeout_)
    {
        int rc;
        if (timeout_ != -1) {
            struct timespec timeout;
            clock_gettime (CLOCK_REALTIME, &timeout);
            timeout.tv_sec += timeout_ / 1000;
            timeout.tv_nsec += (timeout_ % 1000) * 1000000;
            if (timeout.tv_nsec >= 1000000000) {
                timeout.tv_sec++;
                timeout.tv_nsec -= 1000000000;
            }
            rc = pthread_cond_timedwait (&_cond, mutex_->get_mutex (), &timeout);
        } else
            rc = pthread_cond_wait (&_cond, mutex_->get_mutex ());

        if (rc == ETIMEDOUT) {
            errno = EAGAIN;
            return -1;
        }
        posix_assert (rc);
        return 0;
    }

    void broadcast ()
    {
        const int rc = pthread_cond_broadcast (&_cond);
        posix_assert (rc);
    }

  private:
    pthread_cond_t _cond;

    condition_variable_t (const condition_variable_t &);
    void operator= (const condition_variable_t &);
};

}  // namespace zmq

#endif  // BATCH7_MOCK_ZMQ_MUTEX_H_
