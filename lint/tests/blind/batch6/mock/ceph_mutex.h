// Stand-in for Ceph's common/ceph_mutex.h, include/Context.h and
// common/Timer.h, in the release-build form: ceph::mutex is std::mutex,
// made by ceph::make_mutex(name). Unannotated, as Ceph is.
#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <utility>

#define ceph_assert(expr) ((void)(expr))
#define ldout(cct, v) ::ceph::dout_stream()
#define dendl std::string()

namespace ceph {

using mutex = std::mutex;
using recursive_mutex = std::recursive_mutex;
using shared_mutex = std::shared_mutex;
using condition_variable = std::condition_variable;

template <typename... Args>
mutex make_mutex(Args&&...) {
  return {};
}
template <typename... Args>
recursive_mutex make_recursive_mutex(Args&&...) {
  return {};
}
template <typename... Args>
shared_mutex make_shared_mutex(Args&&...) {
  return {};
}

struct dout_stream {
  template <typename T>
  dout_stream& operator<<(const T&) {
    return *this;
  }
};

namespace buffer {
class list {
 public:
  void append(const char* p, size_t n) { data_.append(p, n); }
  void append(const std::string& s) { data_.append(s); }
  size_t length() const { return data_.size(); }
  const char* c_str() const { return data_.c_str(); }
  void clear() { data_.clear(); }

 private:
  std::string data_;
};
}  // namespace buffer
}  // namespace ceph

using bufferlist = ceph::buffer::list;

class CephContext;

class Context {
 public:
  virtual ~Context() = default;
  void complete(int r) {
    finish(r);
    delete this;
  }

 protected:
  virtual void finish(int r) = 0;
};

// The pre-LambdaContext form: the callback is a std::function.
class FunctionContext : public Context {
 public:
  explicit FunctionContext(std::function<void(int)>&& callback) : m_callback(std::move(callback)) {}

 protected:
  void finish(int r) override { m_callback(r); }

 private:
  std::function<void(int)> m_callback;
};

// common/Timer.h: runs each event on the timer thread, holding the lock the
// timer was constructed with.
class SafeTimer {
 public:
  SafeTimer(CephContext* cct, ceph::mutex& l, bool safe_callbacks = true);
  void init();
  void shutdown();
  Context* add_event_after(double seconds, Context* callback);
  bool cancel_event(Context* callback);
};

// common/Finisher.h: runs queued contexts on its own thread, in order.
class Finisher {
 public:
  explicit Finisher(CephContext* cct);
  void start();
  void stop();
  void queue(Context* c, int r = 0);
};
