// One run of a scenario on a fresh system, in stress mode: the prefix on
// the calling thread, then one real thread per list released together
// (stress_run.h), then the suffix on the calling thread; every step's
// invocation and response stamped with the monotonic clock. The result is
// the history the linearizability checker takes, with each operation's
// step, whose Check moves a model and says whether the result fits.
#ifndef LOCKSTEP_CLIENT_CONCURRENT_SCENARIO_RUN_H_
#define LOCKSTEP_CLIENT_CONCURRENT_SCENARIO_RUN_H_

#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/concurrent/scenario.h"
#include "client/concurrent/stress_run.h"
#include "client/linearizability/history.h"

namespace lockstep::concurrent::internal {

template <typename System, typename Model>
struct ScenarioRun {
  using Step = stateful::internal::Step<System, Model>;
  // Operation i was steps[i] (which holds its result until the next run).
  std::vector<linearizability::Operation> history;
  std::vector<const Step*> steps;
  // The first exception a step threw, and which step (null if none). A
  // thread stops at its step that threw; the others finish.
  std::exception_ptr error;
  const Step* failed = nullptr;
};

// What the history calls the thread of list `t` (1-based, as printed).
inline std::string ThreadName(size_t t) {
  return absl::StrCat("thread ", t + 1);
}
inline constexpr char kPrefixThread[] = "prefix";
inline constexpr char kSuffixThread[] = "suffix";

// Whether calls of two different threads overlapped in time: a run in
// which none did tested nothing concurrent (the statistics report the
// share of runs that did).
inline bool CallsOverlap(
    const std::vector<linearizability::Operation>& history) {
  for (size_t i = 0; i < history.size(); ++i) {
    for (size_t j = i + 1; j < history.size(); ++j) {
      const linearizability::Operation& a = history[i];
      const linearizability::Operation& b = history[j];
      if (a.thread != b.thread && !linearizability::HappensBefore(a, b) &&
          !linearizability::HappensBefore(b, a)) {
        return true;
      }
    }
  }
  return false;
}

template <typename System, typename Model>
ScenarioRun<System, Model> RunScenario(const Scenario<System, Model>& scenario,
                                       System& system,
                                       const std::string& system_name) {
  using Step = stateful::internal::Step<System, Model>;
  ScenarioRun<System, Model> run;
  std::string prefix = system_name.empty() ? "" : system_name + ".";
  auto record = [&](const std::string& thread, const Step& step,
                    int64_t invoked, int64_t returned) {
    run.history.push_back(linearizability::Operation{
        thread, invoked, returned, prefix + step.Call(), step.ResultText()});
    run.steps.push_back(&step);
  };
  // Runs a sequential list on this thread; false when a step threw.
  auto sequential = [&](const char* thread,
                        const std::vector<std::unique_ptr<Step>>& steps) {
    for (const auto& step : steps) {
      int64_t invoked = MonotonicNanos();
      try {
        step->Run(system);
      } catch (...) {
        run.error = std::current_exception();
        run.failed = step.get();
        return false;
      }
      record(thread, *step, invoked, MonotonicNanos());
    }
    return true;
  };
  if (!sequential(kPrefixThread, scenario.prefix)) return run;

  // times[t][i]: list t's step i (invoked, returned); written only by the
  // thread running list t, read here after it is joined.
  struct Interval {
    int64_t invoked = 0;
    int64_t returned = 0;
  };
  const size_t lists = scenario.threads.size();
  std::vector<std::vector<Interval>> times(lists);
  // How many steps of list t completed (a step that threw did not).
  std::vector<size_t> completed(lists, 0);
  for (size_t t = 0; t < lists; ++t)
    times[t].resize(scenario.threads[t].size());
  std::vector<std::exception_ptr> errors =
      RunTogether(lists, [&scenario, &system, &times, &completed](size_t t) {
        const auto& steps = scenario.threads[t];
        for (size_t i = 0; i < steps.size(); ++i) {
          times[t][i].invoked = MonotonicNanos();
          steps[i]->Run(system);
          times[t][i].returned = MonotonicNanos();
          completed[t] = i + 1;
        }
      });
  for (size_t t = 0; t < lists; ++t) {
    for (size_t i = 0; i < completed[t]; ++i) {
      record(ThreadName(t), *scenario.threads[t][i], times[t][i].invoked,
             times[t][i].returned);
    }
    if (errors[t] && !run.error) {
      run.error = errors[t];
      run.failed = scenario.threads[t][completed[t]].get();
    }
  }
  if (run.error) return run;
  sequential(kSuffixThread, scenario.suffix);
  return run;
}

}  // namespace lockstep::concurrent::internal

#endif  // LOCKSTEP_CLIENT_CONCURRENT_SCENARIO_RUN_H_
