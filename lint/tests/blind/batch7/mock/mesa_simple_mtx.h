/*
 * Stand-in for Mesa's src/util/simple_mtx.h (the non-futex fallback, where a
 * simple_mtx_t wraps a plain mutex) and src/util/u_call_once.h. Mesa is not
 * built with clang's thread-safety analysis: nothing here is annotated.
 */
#ifndef BATCH7_MOCK_MESA_SIMPLE_MTX_H_
#define BATCH7_MOCK_MESA_SIMPLE_MTX_H_

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

typedef struct {
   pthread_mutex_t mtx;
} simple_mtx_t;

#define SIMPLE_MTX_INITIALIZER { PTHREAD_MUTEX_INITIALIZER }

static inline void
simple_mtx_init(simple_mtx_t *mtx)
{
   pthread_mutex_init(&mtx->mtx, NULL);
}

static inline void
simple_mtx_destroy(simple_mtx_t *mtx)
{
   pthread_mutex_destroy(&mtx->mtx);
}

static inline void
simple_mtx_lock(simple_mtx_t *mtx)
{
   pthread_mutex_lock(&mtx->mtx);
}

static inline void
simple_mtx_unlock(simple_mtx_t *mtx)
{
   pthread_mutex_unlock(&mtx->mtx);
}

typedef pthread_once_t util_once_flag;
#define UTIL_ONCE_FLAG_INIT PTHREAD_ONCE_INIT

static inline void
util_call_once(util_once_flag *flag, void (*func)(void))
{
   pthread_once(flag, func);
}

#define unlikely(x) __builtin_expect(!!(x), 0)
#define likely(x) __builtin_expect(!!(x), 1)

#endif /* BATCH7_MOCK_MESA_SIMPLE_MTX_H_ */
