// Apache Portable Runtime thread mutex API subset (stand-in; defined in libapr).
#ifndef APR_THREAD_MUTEX_H
#define APR_THREAD_MUTEX_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int apr_status_t;
typedef struct apr_pool_t apr_pool_t;
typedef struct apr_thread_mutex_t apr_thread_mutex_t;
typedef struct apr_thread_cond_t apr_thread_cond_t;
typedef long long apr_interval_time_t;
typedef unsigned long apr_size_t;

#define APR_SUCCESS 0
#define APR_EBUSY 16
#define APR_ENOMEM 12
#define APR_TIMEUP 70007

#define APR_THREAD_MUTEX_DEFAULT 0x0
#define APR_THREAD_MUTEX_NESTED 0x1
#define APR_THREAD_MUTEX_UNNESTED 0x2

apr_status_t apr_thread_mutex_create(apr_thread_mutex_t** mutex, unsigned int flags,
                                     apr_pool_t* pool);
apr_status_t apr_thread_mutex_lock(apr_thread_mutex_t* mutex);
apr_status_t apr_thread_mutex_trylock(apr_thread_mutex_t* mutex);
apr_status_t apr_thread_mutex_unlock(apr_thread_mutex_t* mutex);
apr_status_t apr_thread_mutex_destroy(apr_thread_mutex_t* mutex);

apr_status_t apr_thread_cond_create(apr_thread_cond_t** cond, apr_pool_t* pool);
apr_status_t apr_thread_cond_wait(apr_thread_cond_t* cond, apr_thread_mutex_t* mutex);
apr_status_t apr_thread_cond_timedwait(apr_thread_cond_t* cond, apr_thread_mutex_t* mutex,
                                       apr_interval_time_t timeout);
apr_status_t apr_thread_cond_signal(apr_thread_cond_t* cond);
apr_status_t apr_thread_cond_broadcast(apr_thread_cond_t* cond);

void* apr_palloc(apr_pool_t* p, apr_size_t size);
void* apr_pcalloc(apr_pool_t* p, apr_size_t size);
char* apr_pstrdup(apr_pool_t* p, const char* s);

#ifdef __cplusplus
}
#endif

#endif  // APR_THREAD_MUTEX_H
