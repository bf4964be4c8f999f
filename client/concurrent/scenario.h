// A concurrent scenario, drawn from the test case: a sequential prefix,
// then threads that each run a short list of steps at once, then a
// sequential suffix (Lincheck's and quickcheck-state-machine's shape).
// The steps are the stateful layer's (client/stateful/command.h),
// unchanged. In the choice sequence:
//
//   [swarm flags]
//   ["one more?" flag][prefix step] ... [false]
//   [thread: ["one more?" flag][step] ... [false]]   x min(2, max threads)
//   ["another thread?" flag][thread ...] ...          up to max threads
//   ["one more?" flag][suffix step] ... [false]
//
// Each step and each thread is a span after a flag, so the shrinker drops
// a step, or a whole extra thread, in one edit, and simplifies arguments
// and command picks as in any stateful program.
//
// Preconditions and model-dependent arguments see the model after the
// prefix (the prefix is run once, on a scratch system, to know it): the
// parallel steps may run in any order, so commands meant for concurrent
// tests should be total (defined in every state).
#ifndef LOCKSTEP_CLIENT_CONCURRENT_SCENARIO_H_
#define LOCKSTEP_CLIENT_CONCURRENT_SCENARIO_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "client/concurrent/scenario_shape.h"
#include "client/stateful/command.h"
#include "client/stateful/pool.h"
#include "client/stateful/step_loop.h"
#include "client/test_case.h"

namespace lockstep::concurrent {

// Owned by the thread running the test body. While a scenario runs, each
// step is used by one thread only (the one its list belongs to).
template <typename System, typename Model>
struct Scenario {
  using Step = stateful::internal::Step<System, Model>;
  std::vector<std::unique_ptr<Step>> prefix;
  std::vector<std::vector<std::unique_ptr<Step>>> threads;
  std::vector<std::unique_ptr<Step>> suffix;
  // Controlled mode: change_points[t][i] is where thread t's step i meets
  // a PCT priority change point (its n-th sync point, the step's start
  // being the first; 0: none). Drawn inside the step's span, so dropping a
  // step drops its schedule with it and the others' stay where they were.
  std::vector<std::vector<uint32_t>> change_points;

  size_t operations() const {
    size_t n = prefix.size() + suffix.size();
    for (const auto& thread : threads) n += thread.size();
    return n;
  }
};

namespace internal {

// The "one more?" flags of a list of at most `max` entries; at the limit
// the flag is still drawn, fixed to false, so every list ends alike.
inline bool More(TestCase& tc, size_t drawn, uint32_t max, double probability) {
  return tc.DrawBoolean(drawn < max ? probability : 0.0);
}

// Enough to make lists near their bound common; the shrinker makes them
// short.
inline constexpr double kMoreOpProbability = 0.85;
inline constexpr double kMoreSequentialProbability = 0.5;
inline constexpr double kMoreThreadProbability = 0.5;
// Controlled mode: how often a step has a change point, and the latest
// sync point of the step it can be at.
inline constexpr double kChangePointProbability = 0.4;
inline constexpr int64_t kMaxChangePoint = 4;

template <typename System, typename Model>
class ScenarioDrawer {
 public:
  using CommandBase = stateful::internal::CommandBase<System, Model>;
  using Step = stateful::internal::Step<System, Model>;

  ScenarioDrawer(const std::vector<std::unique_ptr<CommandBase>>& commands,
                 const stateful::internal::CommandPicker& picker,
                 const std::vector<bool>& enabled, const ScenarioShape& shape,
                 bool draw_change_points = false)
      : commands_(commands),
        picker_(picker),
        enabled_(enabled),
        shape_(shape),
        draw_change_points_(draw_change_points) {}

  // `scratch` is a fresh system the prefix runs on; `model` starts as the
  // initial model and ends as the model after the prefix.
  Scenario<System, Model> Draw(TestCase& tc, System& scratch, Model& model) {
    Scenario<System, Model> scenario;
    uint32_t attempts = 0;
    while (More(tc, attempts++, shape_.prefix, kMoreSequentialProbability)) {
      tc.Span("prefix step", [&] {
        std::unique_ptr<Step> step = DrawStep(tc, scratch, model);
        if (step == nullptr) return;
        // Learn the model after this step from the scratch system's
        // result. A mismatch or a throw here happens again when the
        // scenario runs, where it is reported with the scenario.
        try {
          step->Run(scratch);
          step->Check(model);
        } catch (...) {
        }
        scenario.prefix.push_back(std::move(step));
      });
    }
    uint32_t mandatory = shape_.threads < 2 ? shape_.threads : 2;
    for (uint32_t t = 0; t < shape_.threads; ++t) {
      if (t >= mandatory && !tc.DrawBoolean(kMoreThreadProbability)) {
        break;
      }
      tc.Span("thread", [&] {
        scenario.change_points.emplace_back();
        scenario.threads.push_back(
            DrawList(tc, scratch, model, &scenario.change_points.back()));
      });
    }
    // Without a draw for "another thread?" at the limit the list would
    // end differently from a shorter one; draw the closing flag too.
    if (scenario.threads.size() == shape_.threads &&
        shape_.threads > mandatory) {
      tc.DrawBoolean(0.0);
    }
    tc.Span("suffix", [&] {
      uint32_t drawn = 0;
      while (More(tc, drawn++, shape_.suffix, kMoreSequentialProbability)) {
        tc.Span("suffix step", [&] {
          std::unique_ptr<Step> step = DrawStep(tc, scratch, model);
          if (step != nullptr) scenario.suffix.push_back(std::move(step));
        });
      }
    });
    return scenario;
  }

 private:
  std::vector<std::unique_ptr<Step>> DrawList(TestCase& tc, System& scratch,
                                              const Model& model,
                                              std::vector<uint32_t>* points) {
    std::vector<std::unique_ptr<Step>> steps;
    uint32_t drawn = 0;
    while (More(tc, drawn++, shape_.ops_per_thread, kMoreOpProbability)) {
      tc.Span("step", [&] {
        std::unique_ptr<Step> step = DrawStep(tc, scratch, model);
        uint32_t at = 0;
        if (draw_change_points_ && tc.DrawBoolean(kChangePointProbability)) {
          at = static_cast<uint32_t>(tc.DrawInteger(1, kMaxChangePoint));
        }
        if (step == nullptr) return;
        steps.push_back(std::move(step));
        points->push_back(at);
      });
    }
    return steps;
  }

  // A step of a picked command, or null when it is switched off, its
  // precondition does not hold, or its arguments cannot be drawn.
  std::unique_ptr<Step> DrawStep(TestCase& tc, System& scratch,
                                 const Model& model) {
    size_t pick = picker_.Pick(tc);
    const CommandBase& command = *commands_[pick];
    if (!enabled_[pick] || !command.Allowed(model, scratch)) return nullptr;
    try {
      return command.Draw(tc, model);
    } catch (const stateful::SkipStep&) {
      return nullptr;
    }
  }

  const std::vector<std::unique_ptr<CommandBase>>& commands_;
  const stateful::internal::CommandPicker& picker_;
  const std::vector<bool>& enabled_;
  const ScenarioShape& shape_;
  const bool draw_change_points_;
};

}  // namespace internal
}  // namespace lockstep::concurrent

#endif  // LOCKSTEP_CLIENT_CONCURRENT_SCENARIO_H_
