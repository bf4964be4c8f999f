/*
 * Job queue of the on-disk shader cache writer, in the style of Mesa's
 * util_queue as used by disk_cache: the driver thread adds jobs, the cache
 * thread writes them out, and glFinish-style callers wait for idle.
 */
#include <sched.h>
#include <string.h>

#include "mock/mesa_simple_mtx.h"

struct cache_job {
   void *data;
   size_t size;
   void (*execute)(void *data, size_t size);
};

#define CACHE_QUEUE_MAX_JOBS 64

struct cache_queue {
   simple_mtx_t lock;
   struct cache_job jobs[CACHE_QUEUE_MAX_JOBS];
   unsigned num_jobs;
   unsigned write_idx;
   unsigned read_idx;
   bool kill_threads;
};

void
cache_queue_init(struct cache_queue *queue)
{
   memset(queue, 0, sizeof(*queue));
   simple_mtx_init(&queue->lock);
}

bool
cache_queue_add_job(struct cache_queue *queue, struct cache_job job)
{
   simple_mtx_lock(&queue->lock);
   if (queue->kill_threads || queue->num_jobs == CACHE_QUEUE_MAX_JOBS) {
      simple_mtx_unlock(&queue->lock);
      return false;
   }
   queue->jobs[queue->write_idx] = job;
   queue->write_idx = (queue->write_idx + 1) % CACHE_QUEUE_MAX_JOBS;
   queue->num_jobs++;
   simple_mtx_unlock(&queue->lock);
   return true;
}

/* Called in a loop by the cache thread. */
bool
cache_queue_run_one(struct cache_queue *queue)
{
   struct cache_job job;

   simple_mtx_lock(&queue->lock);
   if (queue->num_jobs == 0 || queue->kill_threads) {
      simple_mtx_unlock(&queue->lock);
      return false;
   }
   job = queue->jobs[queue->read_idx];
   queue->read_idx = (queue->read_idx + 1) % CACHE_QUEUE_MAX_JOBS;
   simple_mtx_unlock(&queue->lock);

   job.execute(job.data, job.size);

   simple_mtx_lock(&queue->lock);
   queue->num_jobs--;
   simple_mtx_unlock(&queue->lock);
   return true;
}

void
cache_queue_finish(struct cache_queue *queue)
{
   while (queue->num_jobs > 0) // EXPECT: concurrency-unguarded-field
      sched_yield();
}

void
cache_queue_kill(struct cache_queue *queue)
{
   simple_mtx_lock(&queue->lock);
   queue->kill_threads = true;
   simple_mtx_unlock(&queue->lock);
}
