// The concurrent stateful bench:
//
//   concurrent_stress detection SEEDS   each planted race over seeds
//                                       1..SEEDS: found, in how many of the
//                                       final replay's runs, the shrunk
//                                       scenario's size, shrink calls, time
//   concurrent_stress correct CASES     the correct versions: passed, cases,
//                                       share of runs whose calls overlapped
//   concurrent_stress checker           the checker on queue histories
//                                       recorded from real threads, by
//                                       length and thread count
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "client/concurrent/stress_run.h"
#include "client/linearizability/checker.h"
#include "client/lockstep.h"
#include "examples/concurrent_stateful/counter.h"
#include "examples/concurrent_stateful/scenarios.h"

namespace {

using Body = void (*)(lockstep::TestCase&);

struct Target {
  const char* name;
  Body body;
};

void LostUpdate(lockstep::TestCase& tc) {
  examples::CounterScenario(tc, examples::CounterKind::kLostUpdate);
}
void LockedOnOnePath(lockstep::TestCase& tc) {
  examples::CounterScenario(tc, examples::CounterKind::kLockedOnOnePath);
}
void QueueSizeRace(lockstep::TestCase& tc) {
  examples::QueueScenario(tc, true);
}
void AtomicCounter(lockstep::TestCase& tc) {
  examples::CounterScenario(tc, examples::CounterKind::kAtomic);
}
void LockedQueue(lockstep::TestCase& tc) { examples::QueueScenario(tc, false); }
void SlowAtomicCounter(lockstep::TestCase& tc) {
  examples::CounterScenario(tc, examples::CounterKind::kSlowAtomic);
}
void SlowLockedQueue(lockstep::TestCase& tc) {
  examples::QueueScenario(tc, false, lockstep::concurrent::ScenarioShape(),
                          /*slow_calls=*/true);
}

// "in R of N runs" from a failure's first line.
std::string RunsOf(const std::string& message) {
  size_t in = message.find(" in ");
  size_t end = message.find('\n');
  if (in == std::string::npos || in > end) return "?";
  return message.substr(in + 4, end - in - 4);
}

int Detection(int seeds) {
  const Target targets[] = {{"counter_lost_update", LostUpdate},
                            {"counter_locked_on_one_path", LockedOnOnePath},
                            {"queue_size_race", QueueSizeRace}};
  for (const Target& target : targets) {
    for (int seed = 1; seed <= seeds; ++seed) {
      Body body = target.body;
      lockstep::Result result = lockstep::Check(
          target.name, [body](lockstep::TestCase& tc) { body(tc); },
          lockstep::Settings().TestCases(200).Seed(seed).NoDatabase());
      if (result.passed || !result.error.empty()) {
        std::printf("detection %s seed=%d found=0 error=%s\n", target.name,
                    seed, result.error.c_str());
        continue;
      }
      const std::string& message = result.failure().message;
      examples::ScenarioSize size =
          examples::SizeOf(examples::ScenarioOf(message));
      std::printf(
          "detection %s seed=%d found=1 runs=\"%s\" threads=%zu parallel=%zu "
          "prefix=%zu suffix=%zu shrink_calls=%llu cases=%llu "
          "seconds=%.3f flaky=%d\n",
          target.name, seed, RunsOf(message).c_str(), size.threads,
          size.parallel, size.prefix, size.suffix,
          static_cast<unsigned long long>(result.shrink_calls),
          static_cast<unsigned long long>(result.test_cases_run),
          result.seconds, result.failure().flaky ? 1 : 0);
    }
  }
  return 0;
}

int Correct(uint32_t cases) {
  const Target targets[] = {{"atomic_counter", AtomicCounter},
                            {"locked_queue", LockedQueue},
                            {"slow_atomic_counter", SlowAtomicCounter},
                            {"slow_locked_queue", SlowLockedQueue}};
  for (const Target& target : targets) {
    Body body = target.body;
    lockstep::Result result = lockstep::Check(
        target.name, [body](lockstep::TestCase& tc) { body(tc); },
        lockstep::Settings().TestCases(cases).NoDatabase());
    double overlap = 0;
    auto it = result.numeric_events.find(
        "share of runs whose threads' calls overlapped");
    if (it != result.numeric_events.end() && it->second.cases > 0) {
      overlap = it->second.sum / static_cast<double>(it->second.cases);
    }
    std::printf(
        "correct %s passed=%d cases=%llu repeats=%llu overlap_share=%.3f "
        "seconds=%.3f\n",
        target.name, result.passed ? 1 : 0,
        static_cast<unsigned long long>(result.test_cases_run),
        static_cast<unsigned long long>(result.repeats), overlap,
        result.seconds);
  }
  return 0;
}

// The systems whose histories are checked: a mutex-protected queue (Pop
// returns -1 when empty) and an atomic register. Each records one
// operation with its Apply.
class LockedDeque {
 public:
  void Push(int x) {
    absl::MutexLock lock(&mu_);
    items_.push_back(x);
  }
  int Pop() {
    absl::MutexLock lock(&mu_);
    if (items_.empty()) return -1;
    int x = items_.front();
    items_.pop_front();
    return x;
  }

 private:
  absl::Mutex mu_;
  std::deque<int> items_ ABSL_GUARDED_BY(mu_);
};

struct QueueState {
  std::deque<int> items;
  bool operator==(const QueueState& o) const { return items == o.items; }
  template <typename H>
  friend H AbslHashValue(H h, const QueueState& s) {
    return H::combine(std::move(h), s.items);
  }
};

using lockstep::linearizability::Apply;
using lockstep::linearizability::Operation;

template <typename State>
struct Recording {
  std::vector<Operation> ops;
  std::vector<Apply<State>> apply;
};

// One operation on the queue by thread t, i-th of its run.
void QueueOp(LockedDeque& queue, size_t t, size_t i, std::mt19937& random,
             Recording<QueueState>* out) {
  bool push = random() % 2 == 0;
  int value = static_cast<int>(t * 1000000 + i);
  int64_t invoked = lockstep::concurrent::MonotonicNanos();
  int result = push ? (queue.Push(value), 0) : queue.Pop();
  int64_t returned = lockstep::concurrent::MonotonicNanos();
  out->ops.push_back(
      Operation{absl::StrCat("thread ", t + 1), invoked, returned,
                push ? absl::StrCat("Push(", value, ")") : "Pop()",
                push ? "" : absl::StrCat(result)});
  if (push) {
    out->apply.push_back([value](QueueState& s) -> std::optional<std::string> {
      s.items.push_back(value);
      return std::nullopt;
    });
  } else {
    out->apply.push_back([result](QueueState& s) -> std::optional<std::string> {
      int front = s.items.empty() ? -1 : s.items.front();
      if (front != result) return std::string("wrong front");
      if (!s.items.empty()) s.items.pop_front();
      return std::nullopt;
    });
  }
}

// One operation on the register: a write of a small value or a read.
void RegisterOp(std::atomic<int>& reg, size_t t, size_t, std::mt19937& random,
                Recording<int>* out) {
  bool write = random() % 2 == 0;
  int value = static_cast<int>(random() % 5);
  int64_t invoked = lockstep::concurrent::MonotonicNanos();
  int result = write ? (reg.store(value), 0) : reg.load();
  int64_t returned = lockstep::concurrent::MonotonicNanos();
  out->ops.push_back(
      Operation{absl::StrCat("thread ", t + 1), invoked, returned,
                write ? absl::StrCat("Write(", value, ")") : "Read()",
                write ? "" : absl::StrCat(result)});
  if (write) {
    out->apply.push_back([value](int& r) -> std::optional<std::string> {
      r = value;
      return std::nullopt;
    });
  } else {
    out->apply.push_back([result](int& r) -> std::optional<std::string> {
      if (r == result) return std::nullopt;
      return std::string("stale read");
    });
  }
}

// Records `length` operations over `threads` real threads on `system`,
// then times the check.
template <typename State, typename System, typename Op>
void RecordAndCheck(const char* model, size_t threads, size_t length,
                    System& system, Op op) {
  std::vector<Recording<State>> per_thread(threads);
  lockstep::concurrent::RunTogether(threads, [&](size_t t) {
    std::mt19937 random(static_cast<unsigned>(t + 1));
    for (size_t i = 0; i < length / threads; ++i) {
      op(system, t, i, random, &per_thread[t]);
    }
  });
  Recording<State> all;
  for (Recording<State>& r : per_thread) {
    all.ops.insert(all.ops.end(), r.ops.begin(), r.ops.end());
    all.apply.insert(all.apply.end(), r.apply.begin(), r.apply.end());
  }
  lockstep::linearizability::CheckOptions options;
  options.max_steps = 200'000;
  auto start = std::chrono::steady_clock::now();
  absl::StatusOr<lockstep::linearizability::Verdict<State>> verdict =
      lockstep::linearizability::CheckLinearizable(all.ops, all.apply, State(),
                                                   options);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf(
      "checker model=%s threads=%zu operations=%zu %s steps=%llu "
      "seconds=%.4f\n",
      model, threads, all.ops.size(),
      !verdict.ok()           ? "gave_up(2e5 steps)"
      : verdict->linearizable ? "linearizable"
                              : "NOT_linearizable",
      verdict.ok() ? static_cast<unsigned long long>(verdict->steps)
                   : 200000ULL,
      seconds);
  std::fflush(stdout);
}

int Checker() {
  for (size_t threads : {2, 4, 8}) {
    for (size_t length : {100, 1000, 10000}) {
      std::atomic<int> reg{0};
      RecordAndCheck<int>("register", threads, length, reg, RegisterOp);
    }
  }
  for (size_t threads : {2, 4, 8}) {
    for (size_t length : {100, 1000, 10000}) {
      LockedDeque queue;
      RecordAndCheck<QueueState>("queue", threads, length, queue, QueueOp);
    }
  }
  return 0;
}

// How far apart RunTogether's threads start: |start(0) - start(1)| over
// `runs` releases of two threads, in nanoseconds (median and 90th
// percentile). A call shorter than this rarely overlaps another thread's.
int Skew(int runs) {
  std::vector<int64_t> skews;
  for (int r = 0; r < runs; ++r) {
    std::vector<int64_t> start(2);
    lockstep::concurrent::RunTogether(2, [&start](size_t t) {
      start[t] = lockstep::concurrent::MonotonicNanos();
    });
    skews.push_back(std::llabs(start[0] - start[1]));
  }
  std::sort(skews.begin(), skews.end());
  std::printf("skew runs=%d median_ns=%lld p90_ns=%lld\n", runs,
              static_cast<long long>(skews[skews.size() / 2]),
              static_cast<long long>(skews[skews.size() * 9 / 10]));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  int n = argc > 2 ? std::atoi(argv[2]) : 0;
  if (mode == "detection" && n > 0) return Detection(n);
  if (mode == "correct" && n > 0) return Correct(static_cast<uint32_t>(n));
  if (mode == "checker") return Checker();
  if (mode == "skew" && n > 0) return Skew(n);
  std::fprintf(stderr,
               "usage: concurrent_stress detection SEEDS | correct CASES | "
               "checker | skew RUNS\n");
  return 2;
}
