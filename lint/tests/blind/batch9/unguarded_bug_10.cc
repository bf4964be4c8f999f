// A libuv-style work queue written in C: a growable ring of work items that
// a pool of uv threads drains, with a backpressure hint for producers on the
// loop thread.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uv.h"

#define WQ_MIN_CAPACITY 16
#define WQ_MAX_THREADS 8

struct work_item {
  void (*work)(struct work_item* w);
  void (*done)(struct work_item* w, int status);
  void* data;
};

struct work_queue {
  uv_mutex_t mutex;
  uv_cond_t cond;
  struct work_item** items;
  size_t head;
  size_t count;
  size_t capacity;
  int closed;
  uv_thread_t threads[WQ_MAX_THREADS];
  int nthreads;
};

static void wq_worker(void* arg);

int wq_init(struct work_queue* q, int nthreads) {
  int i;
  memset(q, 0, sizeof(*q));
  if (uv_mutex_init(&q->mutex) != 0) return -1;
  if (uv_cond_init(&q->cond) != 0) {
    uv_mutex_destroy(&q->mutex);
    return -1;
  }
  q->items = (struct work_item**)calloc(WQ_MIN_CAPACITY, sizeof(*q->items));
  if (q->items == NULL) return -ENOMEM;
  q->capacity = WQ_MIN_CAPACITY;
  if (nthreads > WQ_MAX_THREADS) nthreads = WQ_MAX_THREADS;
  for (i = 0; i < nthreads; i++) {
    if (uv_thread_create(&q->threads[i], wq_worker, q) != 0) break;
  }
  q->nthreads = i;
  return 0;
}

/* Doubles the ring. Caller holds q->mutex. */
static int wq_grow(struct work_queue* q) {
  size_t i;
  size_t newcap = q->capacity * 2;
  struct work_item** items = (struct work_item**)calloc(newcap, sizeof(*items));
  if (items == NULL) return -ENOMEM;
  for (i = 0; i < q->count; i++) items[i] = q->items[(q->head + i) % q->capacity];
  free(q->items);
  q->items = items;
  q->head = 0;
  q->capacity = newcap;
  return 0;
}

static int wq_is_full(const struct work_queue* q) {
  return q->count == q->capacity;  // EXPECT: concurrency-unguarded-field
}

int wq_push(struct work_queue* q, struct work_item* w) {
  int rc = 0;
  uv_mutex_lock(&q->mutex);
  if (q->closed) {
    rc = -EPIPE;
  } else if (wq_is_full(q) && wq_grow(q) != 0) {
    rc = -ENOMEM;
  } else {
    q->items[(q->head + q->count) % q->capacity] = w;
    q->count++;
    uv_cond_signal(&q->cond);
  }
  uv_mutex_unlock(&q->mutex);
  return rc;
}

static struct work_item* wq_pop(struct work_queue* q) {
  struct work_item* w = NULL;
  uv_mutex_lock(&q->mutex);
  while (q->count == 0 && !q->closed) uv_cond_wait(&q->cond, &q->mutex);
  if (q->count > 0) {
    w = q->items[q->head];
    q->head = (q->head + 1) % q->capacity;
    q->count--;
  }
  uv_mutex_unlock(&q->mutex);
  return w;
}

/* Backpressure hint for producers on the loop thread: nonzero when the next
 * push would have to reallocate the ring. */
int wq_saturated(struct work_queue* q) {
  return wq_is_full(q);
}

size_t wq_length(struct work_queue* q) {
  size_t n;
  uv_mutex_lock(&q->mutex);
  n = q->count;
  uv_mutex_unlock(&q->mutex);
  return n;
}

static void wq_worker(void* arg) {
  struct work_queue* q = (struct work_queue*)arg;
  struct work_item* w;
  while ((w = wq_pop(q)) != NULL) {
    w->work(w);
    if (w->done != NULL) w->done(w, 0);
  }
}

void wq_close(struct work_queue* q) {
  int i;
  uv_mutex_lock(&q->mutex);
  q->closed = 1;
  uv_cond_broadcast(&q->cond);
  uv_mutex_unlock(&q->mutex);
  for (i = 0; i < q->nthreads; i++) uv_thread_join(&q->threads[i]);
}

void wq_destroy(struct work_queue* q) {
  free(q->items);
  q->items = NULL;
  uv_cond_destroy(&q->cond);
  uv_mutex_destroy(&q->mutex);
}

/* Example producer: submit a job unless the queue is saturated. */
int submit_checksum_job(struct work_queue* q, struct work_item* w) {
  if (wq_saturated(q)) {
    fprintf(stderr, "work queue saturated, %zu pending\n", wq_length(q));
  }
  return wq_push(q, w);
}
