#include "client/concurrent/stress_run.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>

namespace lockstep::concurrent {
namespace {

// About 20-100 us of spinning: longer than starting the next thread
// usually takes, short enough not to starve a thread waiting for a core.
constexpr uint32_t kBusySpins = 1 << 16;

}  // namespace

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
    // Busy-wait first, so that threads already on a core leave the
    // barrier close together (tools/bench/README.md measures how close: a
    // few microseconds here, about half what yielding at once gives); then
    // yield, so that a thread still waiting for a core gets one.
    uint32_t spins = 0;
    while (arrived.load(std::memory_order_acquire) < threads &&
           !abandon.load(std::memory_order_acquire)) {
      if (++spins > kBusySpins) std::this_thread::yield();
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
