// One run of a scenario in controlled mode: the whole run (prefix, threads,
// suffix) under the controlled scheduler (client/sync/scheduler.h), every
// switch between threads a draw from the test case. Each thread's step
// starts at a yield point (so steps interleave even where the system has no
// synchronization of its own), and inside a step the system's own
// operations on the sync layer (client/sync/sync.h) are the points where a
// switch can happen. Invocations and responses are stamped with the
// scheduler's logical clock, which orders them exactly.
#ifndef LOCKSTEP_CLIENT_CONCURRENT_CONTROLLED_RUN_H_
#define LOCKSTEP_CLIENT_CONCURRENT_CONTROLLED_RUN_H_

#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "client/concurrent/scenario.h"
#include "client/concurrent/scenario_run.h"
#include "client/sync/scheduler.h"
#include "client/sync/sync.h"
#include "client/test_case.h"

namespace lockstep::concurrent::internal {

// Scheduling decisions drawn from a test case (on the test's thread: the
// scheduler draws only there).
class TestCaseDecisions : public sync::Decisions {
 public:
  explicit TestCaseDecisions(TestCase& tc) : tc_(tc) {}
  int64_t Integer(int64_t min, int64_t max) override {
    return tc_.DrawInteger(min, max);
  }
  bool Boolean(double probability) override {
    return tc_.DrawBoolean(probability);
  }

 private:
  TestCase& tc_;
};

// Logical ticks are scaled so that the checker's timeline, which prints
// microseconds, shows one scheduler step as 1.0.
inline constexpr int64_t kTickScale = 1000;

// About how many scheduling decisions a scenario takes (PCT spreads its
// change points over them).
template <typename System, typename Model>
uint32_t ExpectedSteps(const Scenario<System, Model>& scenario) {
  return static_cast<uint32_t>(3 * scenario.operations() +
                               2 * scenario.threads.size() + 2);
}

template <typename System, typename Model>
ScenarioRun<System, Model> RunScenarioControlled(
    const Scenario<System, Model>& scenario, System& system,
    const std::string& system_name, sync::Decisions* decisions,
    sync::ScheduleOptions options, sync::Outcome* outcome) {
  using Step = stateful::internal::Step<System, Model>;
  ScenarioRun<System, Model> run;
  const std::string prefix = system_name.empty() ? "" : system_name + ".";
  struct Interval {
    int64_t invoked = 0;
    int64_t returned = 0;
  };
  // Written by the controlled threads, one at a time (the scheduler's baton
  // orders them), read here after Run has joined them all. parts[0] is the
  // prefix, parts[1..n] the threads, parts[n+1] the suffix.
  const size_t lists = scenario.threads.size();
  std::vector<const std::vector<std::unique_ptr<Step>>*> parts;
  parts.push_back(&scenario.prefix);
  for (const auto& thread : scenario.threads) parts.push_back(&thread);
  parts.push_back(&scenario.suffix);
  std::vector<std::vector<Interval>> times(parts.size());
  std::vector<size_t> completed(parts.size(), 0);
  std::vector<std::exception_ptr> errors(parts.size());
  for (size_t p = 0; p < parts.size(); ++p) times[p].resize(parts[p]->size());

  // Runs list p on the calling controlled thread; false when a step threw.
  auto run_list = [&](size_t p, bool yield_first) {
    sync::Scheduler* s = sync::Scheduler::Current();
    const auto& steps = *parts[p];
    for (size_t i = 0; i < steps.size(); ++i) {
      std::string call = prefix + steps[i]->Call();
      if (yield_first) {
        const auto& points = scenario.change_points[p - 1];
        s->PlanChangePoint(i < points.size() ? points[i] : 0);
        sync::Yield(call.c_str());
      }
      times[p][i].invoked = s->Now();
      try {
        steps[i]->Run(system);
      } catch (const sync::Aborted&) {
        throw;
      } catch (...) {
        errors[p] = std::current_exception();
        return false;
      }
      times[p][i].returned = s->Now();
      completed[p] = i + 1;
    }
    return true;
  };
  options.expected_steps = ExpectedSteps(scenario);
  sync::Scheduler scheduler(decisions, options);
  *outcome = scheduler.Run("main", [&] {
    if (!run_list(0, false)) return;
    sync::Scheduler* s = sync::Scheduler::Current();
    std::vector<int> ids;
    for (size_t t = 0; t < lists; ++t) {
      ids.push_back(
          s->Spawn(ThreadName(t), [&run_list, t] { run_list(t + 1, true); }));
    }
    for (int id : ids) s->Join(id);
    for (size_t t = 0; t < lists; ++t) {
      if (errors[t + 1]) return;
    }
    run_list(lists + 1, false);
  });

  auto record = [&](size_t p, const std::string& thread) {
    for (size_t i = 0; i < completed[p]; ++i) {
      const Step& step = *(*parts[p])[i];
      run.history.push_back(
          linearizability::Operation{thread, times[p][i].invoked * kTickScale,
                                     times[p][i].returned * kTickScale,
                                     prefix + step.Call(), step.ResultText()});
      run.steps.push_back(&step);
    }
    if (errors[p] && !run.error) {
      run.error = errors[p];
      run.failed = (*parts[p])[completed[p]].get();
    }
  };
  record(0, kPrefixThread);
  for (size_t t = 0; t < lists; ++t) record(t + 1, ThreadName(t));
  record(lists + 1, kSuffixThread);
  return run;
}

}  // namespace lockstep::concurrent::internal

#endif  // LOCKSTEP_CLIENT_CONCURRENT_CONTROLLED_RUN_H_
