/*
 * Stand-in for OpenSSL's include/openssl/crypto.h thread API and
 * crypto/threads_pthread.c. OpenSSL is C and is not built with clang's
 * thread-safety analysis: nothing here is annotated.
 */
#ifndef BATCH7_MOCK_OPENSSL_THREADS_H_
#define BATCH7_MOCK_OPENSSL_THREADS_H_

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef void CRYPTO_RWLOCK;
typedef pthread_once_t CRYPTO_ONCE;
#define CRYPTO_ONCE_STATIC_INIT PTHREAD_ONCE_INIT

#define OPENSSL_zalloc(n) calloc(1, (n))
#define OPENSSL_malloc(n) malloc(n)
#define OPENSSL_free(p) free(p)
#define OPENSSL_strdup(s) strdup(s)

static inline CRYPTO_RWLOCK *CRYPTO_THREAD_lock_new(void)
{
    pthread_rwlock_t *lock = (pthread_rwlock_t *)OPENSSL_zalloc(sizeof(*lock));

    if (lock == NULL)
        return NULL;
    if (pthread_rwlock_init(lock, NULL) != 0) {
        OPENSSL_free(lock);
        return NULL;
    }
    return lock;
}

static inline int CRYPTO_THREAD_read_lock(CRYPTO_RWLOCK *lock)
{
    return pthread_rwlock_rdlock((pthread_rwlock_t *)lock) == 0;
}

static inline int CRYPTO_THREAD_write_lock(CRYPTO_RWLOCK *lock)
{
    return pthread_rwlock_wrlock((pthread_rwlock_t *)lock) == 0;
}

static inline int CRYPTO_THREAD_unlock(CRYPTO_RWLOCK *lock)
{
    return pthread_rwlock_unlock((pthread_rwlock_t *)lock) == 0;
}

static inline void CRYPTO_THREAD_lock_free(CRYPTO_RWLOCK *lock)
{
    if (lock == NULL)
        return;
    pthread_rwlock_destroy((pthread_rwlock_t *)lock);
    OPENSSL_free(lock);
}

static inline int CRYPTO_THREAD_run_once(CRYPTO_ONCE *once, void (*init)(void))
{
    return pthread_once(once, init) == 0;
}

static inline int CRYPTO_atomic_add(int *val, int amount, int *ret, CRYPTO_RWLOCK *lock)
{
    (void)lock;
    *ret = __atomic_add_fetch(val, amount, __ATOMIC_ACQ_REL);
    return 1;
}

#endif /* BATCH7_MOCK_OPENSSL_THREADS_H_ */
