// libuv threading API subset (stand-in for uv.h on Unix). Defined in libuv's thread.c.
#ifndef UV_H
#define UV_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef pthread_once_t uv_once_t;
typedef pthread_t uv_thread_t;
typedef pthread_mutex_t uv_mutex_t;
typedef pthread_rwlock_t uv_rwlock_t;
typedef pthread_cond_t uv_cond_t;
typedef pthread_key_t uv_key_t;

#define UV_ONCE_INIT PTHREAD_ONCE_INIT

typedef struct uv_loop_s uv_loop_t;
typedef struct uv_async_s uv_async_t;
typedef void (*uv_async_cb)(uv_async_t* handle);
struct uv_async_s {
  void* data;
  uv_loop_t* loop;
  uv_async_cb async_cb;
};

typedef void (*uv_thread_cb)(void* arg);

int uv_mutex_init(uv_mutex_t* handle);
int uv_mutex_init_recursive(uv_mutex_t* handle);
void uv_mutex_destroy(uv_mutex_t* handle);
void uv_mutex_lock(uv_mutex_t* handle);
int uv_mutex_trylock(uv_mutex_t* handle);
void uv_mutex_unlock(uv_mutex_t* handle);

int uv_rwlock_init(uv_rwlock_t* rwlock);
void uv_rwlock_destroy(uv_rwlock_t* rwlock);
void uv_rwlock_rdlock(uv_rwlock_t* rwlock);
int uv_rwlock_tryrdlock(uv_rwlock_t* rwlock);
void uv_rwlock_rdunlock(uv_rwlock_t* rwlock);
void uv_rwlock_wrlock(uv_rwlock_t* rwlock);
int uv_rwlock_trywrlock(uv_rwlock_t* rwlock);
void uv_rwlock_wrunlock(uv_rwlock_t* rwlock);

int uv_cond_init(uv_cond_t* cond);
void uv_cond_destroy(uv_cond_t* cond);
void uv_cond_signal(uv_cond_t* cond);
void uv_cond_broadcast(uv_cond_t* cond);
void uv_cond_wait(uv_cond_t* cond, uv_mutex_t* mutex);
int uv_cond_timedwait(uv_cond_t* cond, uv_mutex_t* mutex, uint64_t timeout);

void uv_once(uv_once_t* guard, void (*callback)(void));

int uv_thread_create(uv_thread_t* tid, uv_thread_cb entry, void* arg);
uv_thread_t uv_thread_self(void);
int uv_thread_join(uv_thread_t* tid);
int uv_thread_equal(const uv_thread_t* t1, const uv_thread_t* t2);

int uv_async_init(uv_loop_t* loop, uv_async_t* async, uv_async_cb async_cb);
int uv_async_send(uv_async_t* async);
uint64_t uv_hrtime(void);

#ifdef __cplusplus
}
#endif

#endif  // UV_H
