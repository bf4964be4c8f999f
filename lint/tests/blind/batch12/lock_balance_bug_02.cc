// Camera HAL request queue, written in the C style of the vendor HALs: the
// framework queues capture requests from a binder thread and the request
// thread dequeues them. Error paths jump to a common exit.

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <android-base/thread_annotations.h>
#include <utils/Errors.h>
#include <utils/Mutex.h>

namespace android {

struct capture_request {
  uint32_t frame_number;
  uint32_t num_buffers;
  struct capture_request* next;
};

struct request_queue {
  Mutex lock;
  Condition cond;
  capture_request* head = nullptr;
  capture_request* tail = nullptr;
  uint32_t depth = 0;
  uint32_t max_depth = 8;
  bool flushing = false;
};

static int validate_request(const capture_request* req) {
  if (req->num_buffers == 0) return -EINVAL;
  return 0;
}

int request_queue_push(request_queue* q, const capture_request* src) {
  int ret = 0;
  capture_request* req = static_cast<capture_request*>(malloc(sizeof(*req)));
  if (req == nullptr) return -ENOMEM;
  memcpy(req, src, sizeof(*req));
  req->next = nullptr;

  q->lock.lock();
  if (q->flushing) {
    ret = -ENODEV;
    q->lock.unlock();
    goto fail;
  }
  ret = validate_request(req);
  if (ret != 0) goto fail_unlock;
  if (q->depth >= q->max_depth) {
    ret = -EBUSY;
    goto fail_unlock;
  }
  if (q->tail != nullptr)
    q->tail->next = req;
  else
    q->head = req;
  q->tail = req;
  q->depth++;
  q->cond.signal();
  q->lock.unlock();
  return 0;

fail_unlock:
  q->lock.unlock();
fail:
  q->lock.unlock();  // EXPECT: concurrency-lock-balance
  free(req);
  return ret;
}

capture_request* request_queue_pop(request_queue* q) {
  Mutex::Autolock _l(q->lock);
  while (q->head == nullptr && !q->flushing) q->cond.wait(q->lock);
  capture_request* req = q->head;
  if (req != nullptr) {
    q->head = req->next;
    if (q->head == nullptr) q->tail = nullptr;
    q->depth--;
  }
  return req;
}

void request_queue_flush(request_queue* q) {
  Mutex::Autolock _l(q->lock);
  q->flushing = true;
  while (q->head != nullptr) {
    capture_request* next = q->head->next;
    free(q->head);
    q->head = next;
  }
  q->tail = nullptr;
  q->depth = 0;
  q->cond.broadcast();
}

}  // namespace android
