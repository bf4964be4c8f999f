// Minimal stand-ins for Ceph's common/ceph_mutex.h, include/Context.h and
// common/Finisher.h (release build: ceph::mutex is std::mutex).
#pragma once

#include <condition_variable>
#include <functional>
#include <list>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <utility>

namespace ceph {
using mutex = std::mutex;
using recursive_mutex = std::recursive_mutex;
using shared_mutex = std::shared_mutex;
using condition_variable = std::condition_variable;

template <typename... Args>
mutex make_mutex(Args&&... /*name*/) {
  return {};
}
template <typename... Args>
shared_mutex make_shared_mutex(Args&&... /*name*/) {
  return {};
}
}  // namespace ceph

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

class FunctionContext : public Context {
 public:
  explicit FunctionContext(std::function<void(int)>&& callback) : m_callback(std::move(callback)) {}

 protected:
  void finish(int r) override { m_callback(r); }

 private:
  std::function<void(int)> m_callback;
};

// Completes queued contexts on its own thread (implemented elsewhere).
class Finisher {
 public:
  virtual ~Finisher() = default;
  virtual void queue(Context* c, int r = 0) = 0;
};

class Formatter {
 public:
  virtual ~Formatter() = default;
  virtual void dump_int(const char* name, long long v) = 0;
  virtual void dump_string(const char* name, const std::string& s) = 0;
  virtual void open_object_section(const char* name) = 0;
  virtual void close_section() = 0;
};

#define dout(lvl) ::ceph_dout_stream()
#define dendl ""
struct ceph_dout_sink {
  template <typename T>
  ceph_dout_sink& operator<<(const T&) {
    return *this;
  }
};
inline ceph_dout_sink ceph_dout_stream() { return {}; }
