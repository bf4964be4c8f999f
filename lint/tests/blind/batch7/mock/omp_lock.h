/* Stand-in for <omp.h>'s lock API, for the build without -fopenmp (libgomp
 * implements these over a futex; this one over a pthread mutex). Not
 * annotated: libgomp's omp.h carries no thread-safety attributes. */
#ifndef BATCH7_MOCK_OMP_LOCK_H_
#define BATCH7_MOCK_OMP_LOCK_H_

#include <pthread.h>

typedef struct omp_lock_t {
  pthread_mutex_t mutex;
} omp_lock_t;

static inline void omp_init_lock(omp_lock_t *lock) { pthread_mutex_init(&lock->mutex, 0); }
static inline void omp_destroy_lock(omp_lock_t *lock) { pthread_mutex_destroy(&lock->mutex); }
static inline void omp_set_lock(omp_lock_t *lock) { pthread_mutex_lock(&lock->mutex); }
static inline void omp_unset_lock(omp_lock_t *lock) { pthread_mutex_unlock(&lock->mutex); }

int omp_get_thread_num(void);
int omp_get_max_threads(void);

#endif /* BATCH7_MOCK_OMP_LOCK_H_ */
