// Stand-in for ceph's include/Context.h.
#pragma once

#include <functional>
#include <utility>

class Context {
  Context(const Context &other);
  const Context &operator=(const Context &other);

protected:
  virtual void finish(int r) = 0;

public:
  Context() {}
  virtual ~Context() {}
  virtual void complete(int r) {
    finish(r);
    delete this;
  }
};

template <typename T> class LambdaContext : public Context {
public:
  explicit LambdaContext(T &&t) : t(std::forward<T>(t)) {}
  void finish(int r) override { t(r); }

private:
  T t;
};

// The older, std::function-holding spelling.
class FunctionContext : public Context {
public:
  explicit FunctionContext(std::function<void(int)> &&callback)
      : m_callback(std::move(callback)) {}
  void finish(int r) override { m_callback(r); }

private:
  std::function<void(int)> m_callback;
};

/// Queues Contexts and completes them on its own thread.
class Finisher {
public:
  explicit Finisher(const char *name) : name(name) {}
  void start();
  void stop();
  void queue(Context *c, int r = 0);

private:
  const char *name;
};

class SafeTimer {
public:
  void init();
  void shutdown();
  Context *add_event_after(double seconds, Context *callback);
  bool cancel_event(Context *callback);
};
