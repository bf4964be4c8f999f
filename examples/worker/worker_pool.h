// Background work for a write-ahead log: a pool of workers that run queued
// tasks, a flusher that writes buffered records to a sink, and a heartbeat
// that tells a monitor the process is alive.
#ifndef LOCKSTEP_EXAMPLES_WORKER_WORKER_POOL_H_
#define LOCKSTEP_EXAMPLES_WORKER_WORKER_POOL_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace examples {

// Runs tasks on a fixed set of threads. Stop() (and the destructor) wakes
// the workers, lets them drain the queue and joins them.
class WorkerPool {
 public:
  explicit WorkerPool(size_t threads);
  ~WorkerPool();

  // False once the pool is stopping.
  bool Submit(std::function<void()> task);
  void Stop();

 private:
  void Work();

  std::mutex mu_;
  std::condition_variable work_available_;
  std::deque<std::function<void()>> tasks_;  // guarded by mu_
  bool stopping_ = false;                    // guarded by mu_
  std::vector<std::thread> workers_;         // owned by the constructor/Stop
};

// Collects records and writes them to `sink` in batches, from a background
// thread started by Start().
class Flusher {
 public:
  using Sink = std::function<void(const std::vector<std::string>&)>;

  explicit Flusher(Sink sink);
  ~Flusher();

  void Start();
  void Append(std::string record);

 private:
  void FlushLoop();

  const Sink sink_;
  std::mutex mu_;
  std::condition_variable records_ready_;
  std::vector<std::string> pending_;  // guarded by mu_
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// Reports liveness by calling `beat` once a second, forever.
void StartHeartbeat(std::function<void()> beat);

// Builds index segments [first, last) and waits for them; false when a
// segment after the first fails to build.
bool BuildSegments(int first, int last, const std::function<bool(int)>& build);

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_WORKER_WORKER_POOL_H_
