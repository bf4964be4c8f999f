/* Stand-in for Blender's source/blender/blenlib/BLI_threads.h. Blender is not
 * built with clang's thread-safety analysis: nothing here is annotated. */
#pragma once

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef pthread_mutex_t ThreadMutex;
#define BLI_MUTEX_INITIALIZER PTHREAD_MUTEX_INITIALIZER

inline void BLI_mutex_init(ThreadMutex *mutex)
{
  pthread_mutex_init(mutex, nullptr);
}
inline void BLI_mutex_lock(ThreadMutex *mutex)
{
  pthread_mutex_lock(mutex);
}
inline void BLI_mutex_unlock(ThreadMutex *mutex)
{
  pthread_mutex_unlock(mutex);
}
inline bool BLI_mutex_trylock(ThreadMutex *mutex)
{
  return (pthread_mutex_trylock(mutex) == 0);
}
inline void BLI_mutex_end(ThreadMutex *mutex)
{
  pthread_mutex_destroy(mutex);
}

#define THREAD_LOCK_READ 1
#define THREAD_LOCK_WRITE 2

typedef pthread_rwlock_t ThreadRWMutex;

inline void BLI_rw_mutex_init(ThreadRWMutex *mutex)
{
  pthread_rwlock_init(mutex, nullptr);
}
inline void BLI_rw_mutex_lock(ThreadRWMutex *mutex, int mode)
{
  if (mode == THREAD_LOCK_READ) {
    pthread_rwlock_rdlock(mutex);
  }
  else {
    pthread_rwlock_wrlock(mutex);
  }
}
inline void BLI_rw_mutex_unlock(ThreadRWMutex *mutex)
{
  pthread_rwlock_unlock(mutex);
}
inline void BLI_rw_mutex_end(ThreadRWMutex *mutex)
{
  pthread_rwlock_destroy(mutex);
}

typedef pthread_cond_t ThreadCondition;

inline void BLI_condition_init(ThreadCondition *cond)
{
  pthread_cond_init(cond, nullptr);
}
inline void BLI_condition_wait(ThreadCondition *cond, ThreadMutex *mutex)
{
  pthread_cond_wait(cond, mutex);
}
inline void BLI_condition_notify_all(ThreadCondition *cond)
{
  pthread_cond_broadcast(cond);
}
inline void BLI_condition_end(ThreadCondition *cond)
{
  pthread_cond_destroy(cond);
}

#define MEM_callocN(size, name) calloc(1, (size))
#define MEM_freeN(p) free(p)
#define BLI_assert(x) ((void)0)
#define ELEM(v, a, b) ((v) == (a) || (v) == (b))
