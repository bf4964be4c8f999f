// A Redis-style threaded I/O layer: the main thread fills the configuration
// before creating the I/O threads, the threads add to shared totals under a
// mutex, and the shutdown summary reads the totals after joining them.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomicvar.h"

#define IO_THREADS_MAX 16

typedef struct io_client {
  int id;
  size_t pending_bytes;
} io_client;

typedef struct io_pool {
  pthread_mutex_t mutex;
  /* Configuration: set by ioPoolInit() before any thread exists. */
  int nthreads;
  size_t max_batch;
  io_client* clients;
  int nclients;
  /* Totals: updated by the threads under mutex. */
  unsigned long long bytes_written;
  unsigned long long batches;
  pthread_t threads[IO_THREADS_MAX];
} io_pool;

static redisAtomic<int> io_threads_active{0};

typedef struct io_thread_arg {
  io_pool* pool;
  int index;
} io_thread_arg;

static void* ioThreadMain(void* arg) {
  io_thread_arg* a = (io_thread_arg*)arg;
  io_pool* p = a->pool;
  unsigned long long mine = 0;
  atomicIncr(io_threads_active, 1);
  for (int c = a->index; c < p->nclients; c += p->nthreads) {
    size_t n = p->clients[c].pending_bytes;
    if (n > p->max_batch) n = p->max_batch;
    mine += n;
  }
  pthread_mutex_lock(&p->mutex);
  p->bytes_written += mine;
  p->batches++;
  pthread_mutex_unlock(&p->mutex);
  atomicDecr(io_threads_active, 1);
  free(a);
  return NULL;
}

int ioPoolInit(io_pool* p, int nthreads, size_t max_batch, io_client* clients, int nclients) {
  memset(p, 0, sizeof(*p));
  if (pthread_mutex_init(&p->mutex, NULL) != 0) return -1;
  if (nthreads > IO_THREADS_MAX) nthreads = IO_THREADS_MAX;
  p->nthreads = nthreads;
  p->max_batch = max_batch;
  p->clients = clients;
  p->nclients = nclients;
  return 0;
}

int ioPoolRun(io_pool* p) {
  int started = 0;
  for (int i = 0; i < p->nthreads; i++) {
    io_thread_arg* a = (io_thread_arg*)malloc(sizeof(*a));
    a->pool = p;
    a->index = i;
    if (pthread_create(&p->threads[i], NULL, ioThreadMain, a) != 0) {
      free(a);
      break;
    }
    started++;
  }
  for (int i = 0; i < started; i++) pthread_join(p->threads[i], NULL);
  /* Every thread has been joined: the totals are stable now. */
  printf("io threads done: %d threads, %llu batches, %llu bytes\n", started, p->batches,
         p->bytes_written);
  return started;
}

unsigned long long ioPoolBytesWritten(io_pool* p) {
  pthread_mutex_lock(&p->mutex);
  unsigned long long n = p->bytes_written;
  pthread_mutex_unlock(&p->mutex);
  return n;
}

void ioPoolReset(io_pool* p) {
  pthread_mutex_lock(&p->mutex);
  p->bytes_written = 0;
  p->batches = 0;
  pthread_mutex_unlock(&p->mutex);
}

int ioThreadsActive(void) {
  int n;
  atomicGet(io_threads_active, n);
  return n;
}

void ioPoolDestroy(io_pool* p) { pthread_mutex_destroy(&p->mutex); }

int handleClientsWithPendingWrites(io_client* clients, int n) {
  io_pool pool;
  if (ioPoolInit(&pool, 4, 64 * 1024, clients, n) != 0) return -1;
  int threads = ioPoolRun(&pool);
  ioPoolDestroy(&pool);
  return threads;
}
