// concurrency-unguarded-field on C code: free functions that take a pointer
// to a struct holding a lock work on it as methods work on `this`.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-unguarded-field";

// GLib-style: the lock is a struct holding the platform's mutex, locked by
// wrappers; the init function (it initializes the lock) runs before the
// struct is shared; a static helper is only called with the lock held.
constexpr char kRing[] = R"code(
#include <pthread.h>
typedef struct { pthread_mutex_t impl; } Mtx;
static inline void mtx_init(Mtx* m) { pthread_mutex_init(&m->impl, 0); }
static inline void mtx_lock(Mtx* m) { pthread_mutex_lock(&m->impl); }
static inline void mtx_unlock(Mtx* m) { pthread_mutex_unlock(&m->impl); }
typedef struct {
  Mtx lock;
  unsigned queued;
  unsigned done;
} Ring;
void ring_init(Ring* ring) {
  mtx_init(&ring->lock);
  ring->queued = 0;
  ring->done = 0;
}
static void ring_advance_locked(Ring* ring) {
  ring->queued--;
  ring->done++;
}
void ring_commit(Ring* ring, unsigned n) {
  mtx_lock(&ring->lock);
  ring->queued += n;
  mtx_unlock(&ring->lock);
}
void ring_advance(Ring* ring) {
  mtx_lock(&ring->lock);
  if (ring->queued > 0) ring_advance_locked(ring);
  mtx_unlock(&ring->lock);
}
unsigned ring_done(Ring* ring) {
  mtx_lock(&ring->lock);
  unsigned done = ring->done;
  mtx_unlock(&ring->lock);
  return done;
}
)code";

TEST(UnguardedFieldCStructs, FreeFunctionsAreTheStructsMethods) {
  EXPECT_FINDINGS_AT_MARKERS(std::string(kRing) + R"code(
unsigned ring_latency(Ring* ring) {
  return ring->queued * 2;  // WARN
}
void ring_drain(Ring* ring) {
  mtx_lock(&ring->lock);
  ring->queued = 0;
  mtx_unlock(&ring->lock);
  ring->done = 0;  // WARN
}
)code",
                             kCheck);
}

TEST(UnguardedFieldCStructs, CleanCodeHasNoFindings) {
  EXPECT_FINDINGS_AT_MARKERS(std::string(kRing) + R"code(
unsigned ring_latency(Ring* ring) {
  mtx_lock(&ring->lock);
  unsigned latency = ring->queued * 2;
  mtx_unlock(&ring->lock);
  return latency;
}
void ring_destroy(Ring* ring) {
  ring->queued = 0;
  pthread_mutex_destroy(&ring->lock.impl);
}
)code",
                             kCheck);
}

// With two structs of one type there is no one object to call `this`: the
// function is judged as it is, a function working on other objects.
TEST(UnguardedFieldCStructs, TwoStructsOfOneTypeMakeNoReceiver) {
  EXPECT_FINDINGS_AT_MARKERS(std::string(kRing) + R"code(
void ring_move(Ring* from, Ring* to) {
  mtx_lock(&from->lock);
  to->queued += from->queued;
  from->queued = 0;
  mtx_unlock(&from->lock);
}
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
