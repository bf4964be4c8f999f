// Ready-client pool in the style of Envoy's HTTP connection pool. The
// pool's mutex is taken and released by hand because the client is handed
// to the caller after the lock is dropped.
#include <cstdint>
#include <list>
#include <memory>

#include "envoy_thread.h"

namespace Envoy {
namespace Http {

class ActiveClient {
public:
  explicit ActiveClient(uint64_t id) : id_(id) {}
  uint64_t id() const { return id_; }

private:
  const uint64_t id_;
};

class ReadyClientPool {
public:
  void addReady(ActiveClient* client) {
    Thread::LockGuard lock(mutex_);
    ready_.push_back(client);
  }

  ActiveClient* tryClaim() {
    mutex_.lock();
    if (ready_.empty()) {
      ++misses_;
      return nullptr;
    }
    ActiveClient* client = ready_.front();
    ready_.pop_front();
    busy_.push_back(client);
    mutex_.unlock();
    return client;
  }  // EXPECT: concurrency-lock-balance

  void release(ActiveClient* client) {
    Thread::LockGuard lock(mutex_);
    busy_.remove(client);
    ready_.push_back(client);
  }

  uint64_t misses() {
    Thread::LockGuard lock(mutex_);
    return misses_;
  }

private:
  Thread::MutexBasicLockable mutex_;
  std::list<ActiveClient*> ready_;
  std::list<ActiveClient*> busy_;
  uint64_t misses_{0};
};

} // namespace Http
} // namespace Envoy
