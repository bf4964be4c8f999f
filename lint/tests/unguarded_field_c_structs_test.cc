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

// OpenSSL's lock is `typedef void CRYPTO_RWLOCK;`, declared only: a handle
// named like a lock that code reaches through pointers. Its functions say
// what they do by their names (`_read_lock` shared, `_write_lock`,
// `_unlock`), and the struct that holds the pointer owns the lock.
TEST(UnguardedFieldCStructs, OpaqueLockHandleThroughAPointer) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <stddef.h>
typedef void CRYPTO_RWLOCK;
int CRYPTO_THREAD_read_lock(CRYPTO_RWLOCK* lock);
int CRYPTO_THREAD_write_lock(CRYPTO_RWLOCK* lock);
int CRYPTO_THREAD_unlock(CRYPTO_RWLOCK* lock);
typedef struct cache_st {
  CRYPTO_RWLOCK* lock;
  size_t hits;
  size_t count;
} CACHE;
int cache_hit(CACHE* c) {
  if (!CRYPTO_THREAD_write_lock(c->lock)) return 0;
  c->hits++;
  c->count++;
  CRYPTO_THREAD_unlock(c->lock);
  return 1;
}
size_t cache_count(CACHE* c) {
  size_t n;
  if (!CRYPTO_THREAD_read_lock(c->lock)) return 0;
  n = c->count;
  CRYPTO_THREAD_unlock(c->lock);
  return n;
}
void cache_reset(CACHE* c) {
  if (!CRYPTO_THREAD_write_lock(c->lock)) return;
  c->hits = 0;
  CRYPTO_THREAD_unlock(c->lock);
}
size_t cache_hits(CACHE* c) { return c->hits; }  // WARN
)code",
                             kCheck);
}

// A pointer typedef (`os_unfair_lock_t`) leaves only the struct's tag,
// `struct os_unfair_lock_s`: C's `_s`/`_st` tag suffixes, like `_t`, say
// nothing of what the type is. A guard built on it is a guard.
TEST(UnguardedFieldCStructs, StructTagSuffixesNameNoType) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <map>
typedef struct os_unfair_lock_s {
  unsigned opaque;
} os_unfair_lock, *os_unfair_lock_t;
void os_unfair_lock_lock(os_unfair_lock_t lock);
void os_unfair_lock_unlock(os_unfair_lock_t lock);
class Locker {
 public:
  explicit Locker(os_unfair_lock_t lock) : lock_(lock) {
    os_unfair_lock_lock(lock_);
  }
  ~Locker() { os_unfair_lock_unlock(lock_); }
 private:
  os_unfair_lock_t lock_;
};
class Cache {
 public:
  int Find(int k) { Locker g(&lock_); return entries_[k]; }
  void Insert(int k, int v) { Locker g(&lock_); entries_[k] = v; }
  size_t Size() const { return entries_.size(); }  // WARN
 private:
  os_unfair_lock lock_ = {0};
  std::map<int, int> entries_;
};
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
