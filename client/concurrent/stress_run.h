// The stress mode's two primitives: real threads released together, and
// the clock every invocation and response is stamped with.
#ifndef LOCKSTEP_CLIENT_CONCURRENT_STRESS_RUN_H_
#define LOCKSTEP_CLIENT_CONCURRENT_STRESS_RUN_H_

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <vector>

namespace lockstep::concurrent {

// Nanoseconds on std::chrono::steady_clock: monotonic, and one clock for
// every thread, so intervals recorded on different threads compare.
int64_t MonotonicNanos();

// Runs body(0), ..., body(threads - 1) each on a new thread. The threads
// wait at a barrier until all of them have started, then run at once (a
// spin on an atomic, so the release costs no wake-up latency). Returns when
// every thread has been joined: element i is what body(i) threw, or null.
// If a thread cannot be started, the started ones are released without
// running their bodies, joined, and the error is rethrown.
std::vector<std::exception_ptr> RunTogether(
    size_t threads, const std::function<void(size_t thread)>& body);

}  // namespace lockstep::concurrent

#endif  // LOCKSTEP_CLIENT_CONCURRENT_STRESS_RUN_H_
