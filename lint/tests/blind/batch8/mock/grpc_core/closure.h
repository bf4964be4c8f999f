// Stand-in for gRPC core's closure / ExecCtx / work serializer surface.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>

namespace grpc_core {

class Status {
 public:
  Status() = default;
  explicit Status(std::string msg) : msg_(std::move(msg)), ok_(false) {}
  bool ok() const { return ok_; }
  const std::string& message() const { return msg_; }

 private:
  std::string msg_;
  bool ok_ = true;
};

// Runs callbacks one at a time, on whichever thread drains the queue.
class WorkSerializer {
 public:
  void Run(std::function<void()> callback);
  void Schedule(std::function<void()> callback);
  void DrainQueue();
};

// The global executor: runs closures on a pool thread.
class Executor {
 public:
  static void Run(std::function<void()> closure);
};

template <typename T>
class RefCountedPtr {
 public:
  RefCountedPtr() = default;
  explicit RefCountedPtr(T* p) : p_(p) {}
  T* get() const { return p_; }
  T* operator->() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }

 private:
  T* p_ = nullptr;
};

}  // namespace grpc_core
