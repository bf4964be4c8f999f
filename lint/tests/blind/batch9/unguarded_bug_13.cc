// Background I/O jobs in the style of Redis's bio.c: the main thread creates
// jobs (close a file, fsync the AOF, lazy-free an object) and one worker
// thread per job type runs them.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomicvar.h"

#define BIO_CLOSE_FILE 0
#define BIO_AOF_FSYNC 1
#define BIO_LAZY_FREE 2
#define BIO_NUM_OPS 3

typedef struct bio_job {
  struct bio_job* next;
  int type;
  int fd;
  void (*free_fn)(void*);
  void* free_arg;
} bio_job;

typedef struct bio_worker {
  pthread_t thread;
  pthread_mutex_t mutex;
  pthread_cond_t newjob_cond;
  pthread_cond_t step_cond;
  bio_job* head;
  bio_job* tail;
  unsigned long long pending;
  int stop;
  int type;
} bio_worker;

static bio_worker bio_workers[BIO_NUM_OPS];
static redisAtomic<unsigned long long> lazyfree_objects{0};

static void* bioProcessBackgroundJobs(void* arg);

static void bioWorkerInit(bio_worker* w, int type) {
  memset(w, 0, sizeof(*w));
  pthread_mutex_init(&w->mutex, NULL);
  pthread_cond_init(&w->newjob_cond, NULL);
  pthread_cond_init(&w->step_cond, NULL);
  w->type = type;
}

int bioInit(void) {
  for (int j = 0; j < BIO_NUM_OPS; j++) {
    bioWorkerInit(&bio_workers[j], j);
    if (pthread_create(&bio_workers[j].thread, NULL, bioProcessBackgroundJobs, &bio_workers[j]) != 0) {
      fprintf(stderr, "Fatal: Can't initialize Background Jobs.\n");
      return -1;
    }
  }
  return 0;
}

void bioSubmitJob(bio_worker* w, bio_job* job) {
  job->next = NULL;
  pthread_mutex_lock(&w->mutex);
  if (w->tail) {
    w->tail->next = job;
  } else {
    w->head = job;
  }
  w->tail = job;
  w->pending++;
  pthread_cond_signal(&w->newjob_cond);
  pthread_mutex_unlock(&w->mutex);
}

static void* bioProcessBackgroundJobs(void* arg) {
  bio_worker* w = (bio_worker*)arg;
  pthread_mutex_lock(&w->mutex);
  for (;;) {
    while (w->head == NULL && !w->stop) pthread_cond_wait(&w->newjob_cond, &w->mutex);
    if (w->stop && w->head == NULL) break;
    bio_job* job = w->head;
    w->head = job->next;
    if (w->head == NULL) w->tail = NULL;
    pthread_mutex_unlock(&w->mutex);

    if (job->type == BIO_CLOSE_FILE) {
      close(job->fd);
    } else if (job->type == BIO_AOF_FSYNC) {
      if (fsync(job->fd) == -1 && errno != EBADF && errno != EINVAL) {
        fprintf(stderr, "Fail to fsync the AOF file: %s\n", strerror(errno));
      }
    } else if (job->type == BIO_LAZY_FREE) {
      job->free_fn(job->free_arg);
      atomicDecr(lazyfree_objects, 1);
    }
    free(job);

    pthread_mutex_lock(&w->mutex);
    w->pending--;
    pthread_cond_broadcast(&w->step_cond);
  }
  pthread_mutex_unlock(&w->mutex);
  return NULL;
}

unsigned long long bioPendingJobsOfType(bio_worker* w) {
  pthread_mutex_lock(&w->mutex);
  unsigned long long val = w->pending;
  pthread_mutex_unlock(&w->mutex);
  return val;
}

/* Called before rewriting the AOF: wait until queued fsyncs have run. */
void bioDrainWorker(bio_worker* w) {
  while (w->pending > 0) {  // EXPECT: concurrency-unguarded-field
    usleep(1000);
  }
}

void bioCreateCloseJob(int fd) {
  bio_job* job = (bio_job*)calloc(1, sizeof(*job));
  job->type = BIO_CLOSE_FILE;
  job->fd = fd;
  bioSubmitJob(&bio_workers[BIO_CLOSE_FILE], job);
}

void bioCreateLazyFreeJob(void (*free_fn)(void*), void* arg) {
  atomicIncr(lazyfree_objects, 1);
  bio_job* job = (bio_job*)calloc(1, sizeof(*job));
  job->type = BIO_LAZY_FREE;
  job->free_fn = free_fn;
  job->free_arg = arg;
  bioSubmitJob(&bio_workers[BIO_LAZY_FREE], job);
}

unsigned long long lazyfreeGetPendingObjectsCount(void) {
  unsigned long long n;
  atomicGet(lazyfree_objects, n);
  return n;
}

void bioKillThreads(void) {
  for (int j = 0; j < BIO_NUM_OPS; j++) {
    bio_worker* w = &bio_workers[j];
    pthread_mutex_lock(&w->mutex);
    w->stop = 1;
    pthread_cond_signal(&w->newjob_cond);
    pthread_mutex_unlock(&w->mutex);
    if (pthread_join(w->thread, NULL) != 0) {
      fprintf(stderr, "Bio worker thread #%d can not be joined\n", j);
    }
  }
}

void rewriteAppendOnlyFileBackground(int aof_fd) {
  bio_job* job = (bio_job*)calloc(1, sizeof(*job));
  job->type = BIO_AOF_FSYNC;
  job->fd = aof_fd;
  bioSubmitJob(&bio_workers[BIO_AOF_FSYNC], job);
  bioDrainWorker(&bio_workers[BIO_AOF_FSYNC]);
}
