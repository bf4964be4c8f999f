// TensorFlow style thread::ThreadPool interface (stand-in; defined elsewhere).
#ifndef TENSORFLOW_CORE_PLATFORM_THREADPOOL_H_
#define TENSORFLOW_CORE_PLATFORM_THREADPOOL_H_

#include <functional>
#include <string>

namespace tensorflow {

class Env;

namespace thread {

class ThreadPool {
 public:
  ThreadPool(Env* env, const std::string& name, int num_threads);
  ~ThreadPool();

  // Schedules fn() for execution in the pool of threads.
  void Schedule(std::function<void()> fn);

  int NumThreads() const;

  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace thread

class Env {
 public:
  static Env* Default();
  virtual ~Env() = default;
  virtual unsigned long long NowMicros() const = 0;
  virtual void SleepForMicroseconds(long long micros) = 0;
};

}  // namespace tensorflow

#endif  // TENSORFLOW_CORE_PLATFORM_THREADPOOL_H_
