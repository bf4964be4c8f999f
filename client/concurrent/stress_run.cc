#include "client/concurrent/stress_run.h"

#include <atomic>
#include <chrono>
#include <thread>

namespace lockstep::concurrent {

int64_t MonotonicNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::vector<std::exception_ptr> RunTogether(
    size_t threads, const std::function<void(size_t thread)>& body) {
  // Shared by the threads below, which all end before this frame does:
  // `arrived` and `abandon` are atomics (acquire/release: a thread that
  // sees the release sees everything the starter did before it), and
  // errors[i] is written only by thread i and read here after its join.
  std::atomic<size_t> arrived{0};
  std::atomic<bool> abandon{false};
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::thread> started;
  started.reserve(threads);
  auto run = [&arrived, &abandon, &errors, &body, threads](size_t i) {
    arrived.fetch_add(1, std::memory_order_acq_rel);
    while (arrived.load(std::memory_order_acquire) < threads &&
           !abandon.load(std::memory_order_acquire)) {
      std::this_thread::yield();
    }
    if (abandon.load(std::memory_order_acquire)) return;
    try {
      body(i);
    } catch (...) {
      errors[i] = std::current_exception();
    }
  };
  try {
    for (size_t i = 0; i < threads; ++i) started.emplace_back(run, i);
  } catch (...) {
    abandon.store(true, std::memory_order_release);
    for (std::thread& thread : started) thread.join();
    throw;
  }
  for (std::thread& thread : started) thread.join();
  return errors;
}

}  // namespace lockstep::concurrent
