// ConcurrentStateMachine: a concurrent stateful test in stress mode. The
// same commands as a sequential StateMachine (client/stateful/command.h)
// are drawn into a scenario (scenario.h): a prefix, a few threads of a few
// steps each, a suffix. Each scenario runs `repeats` times on a fresh
// system with real threads, and each run's history must be linearizable
// against the model (client/linearizability/checker.h): some order of the
// operations that respects real time gives every result the model's Next
// expects. Invariants run after the threads join, on the system and the
// model after the order found. docs: client/docs/concurrent_stateful.md.
//
//   struct CounterModel {
//     int value = 0;
//     bool operator==(const CounterModel&) const = default;  // memoization
//   };
//   LOCKSTEP_TEST(Counter, IsLinearizable) {
//     lockstep::concurrent::ConcurrentStateMachine<Counter, CounterModel> m(
//         [] { return std::make_unique<Counter>(); });
//     m.SystemName("c");
//     m.Command<int()>("Increment")
//         .Run([](Counter& c) { return c.Increment(); })
//         .Next([](CounterModel& m) { return ++m.value; });
//     m.Run(tc);
//   }
#ifndef LOCKSTEP_CLIENT_CONCURRENT_CONCURRENT_STATE_MACHINE_H_
#define LOCKSTEP_CLIENT_CONCURRENT_CONCURRENT_STATE_MACHINE_H_

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "client/assertions.h"
#include "client/concurrent/controlled_run.h"
#include "client/concurrent/scenario.h"
#include "client/concurrent/scenario_run.h"
#include "client/concurrent/scenario_shape.h"
#include "client/concurrent/scenario_table.h"
#include "client/linearizability/checker.h"
#include "client/printing.h"
#include "client/stateful/command.h"
#include "client/stateful/pool.h"
#include "client/stateful/step_loop.h"
#include "client/sync/scheduler.h"
#include "client/test_case.h"
#include "client/usage_error.h"

namespace lockstep::concurrent {

// How a scenario runs. kStress: real threads released together, each
// scenario `repeats` times (scenario_shape.h). kControlled: once, under the
// controlled scheduler (client/sync/scheduler.h), every switch between
// threads a choice of the test case, so that a failing interleaving replays,
// persists and shrinks; the system must synchronize through
// client/sync/sync.h for switches to happen inside its calls.
enum class RunMode { kStress, kControlled };

// Owned by the thread running the test body; while a scenario runs, its
// commands are read-only and the system is what the threads share (it is
// the system under test).
template <typename System, typename Model = stateful::None>
class ConcurrentStateMachine {
 public:
  using SystemFactory = std::function<std::unique_ptr<System>()>;
  using CommandBase = stateful::internal::CommandBase<System, Model>;
  using Step = stateful::internal::Step<System, Model>;

  // Each run is on a system from `make_system`, checked against a copy of
  // `initial_model`. Non-linearizable runs are reported at this line.
  explicit ConcurrentStateMachine(SystemFactory make_system,
                                  Model initial_model = Model(),
                                  const char* file = __builtin_FILE(),
                                  int line = __builtin_LINE())
      : make_system_(std::move(make_system)),
        initial_model_(std::move(initial_model)),
        origin_(absl::StrCat(file, ":", line)) {}
  ConcurrentStateMachine(const ConcurrentStateMachine&) = delete;
  ConcurrentStateMachine& operator=(const ConcurrentStateMachine&) = delete;

  ConcurrentStateMachine& SystemName(std::string name) {
    system_name_ = std::move(name);
    return *this;
  }
  // A command, exactly as in StateMachine::Command.
  template <typename Signature>
  stateful::Command<System, Model, Signature>& Command(
      std::string name, const char* file = __builtin_FILE(),
      int line = __builtin_LINE()) {
    auto command =
        std::make_unique<stateful::Command<System, Model, Signature>>(
            std::move(name), absl::StrCat(file, ":", line));
    auto& ref = *command;
    commands_.push_back(std::move(command));
    picker_.reset();
    return ref;
  }
  // Checked once per run, after the suffix: `check` takes (const System&),
  // (const Model&) or (const Model&, const System&), the model being the
  // state after the linearization the checker found; it returns false (or
  // asserts) when the invariant does not hold.
  template <typename F>
  ConcurrentStateMachine& Invariant(std::string name, F check,
                                    const char* file = __builtin_FILE(),
                                    int line = __builtin_LINE()) {
    invariants_.push_back({std::move(name), absl::StrCat(file, ":", line),
                           WrapInvariant(std::move(check))});
    return *this;
  }
  // Runs after every run, also a failing one, before the system goes.
  ConcurrentStateMachine& Teardown(std::function<void(System&)> teardown) {
    teardown_ = std::move(teardown);
    return *this;
  }
  // Swarm testing (on by default), as in StateMachine.
  ConcurrentStateMachine& Swarm(bool swarm) {
    swarm_ = swarm;
    return *this;
  }
  // Stress (the default) or controlled.
  ConcurrentStateMachine& Mode(RunMode mode) {
    mode_ = mode;
    return *this;
  }
  // The controlled scheduler's strategy and PCT depth (its expected_steps
  // is estimated from each scenario).
  ConcurrentStateMachine& Schedules(sync::ScheduleOptions options) {
    schedule_ = options;
    return *this;
  }
  // Bounds on scenarios and the runs per scenario (scenario_shape.h).
  ConcurrentStateMachine& Scenarios(ScenarioShape shape) {
    shape_ = shape;
    return *this;
  }

  // Draws a scenario from `tc` and runs it shape.repeats times. Generating
  // and shrinking stop at the first run that fails; the final replay runs
  // them all, so its report says in how many the failure showed.
  void Run(TestCase& tc) {
    if (absl::Status valid = shape_.Validate(); !valid.ok()) {
      throw UsageError(std::string(valid.message()));
    }
    if (commands_.empty()) {
      throw UsageError("a ConcurrentStateMachine has no commands");
    }
    if (!picker_) {
      std::vector<uint32_t> weights;
      for (const auto& command : commands_)
        weights.push_back(command->weight());
      picker_.emplace(weights);
    }
    std::vector<bool> enabled =
        stateful::internal::DrawEnabled(tc, commands_.size(), swarm_);
    Scenario<System, Model> scenario = DrawScenario(tc, enabled);
    tc.Event("threads", static_cast<double>(scenario.threads.size()));
    tc.Event("operations per scenario",
             static_cast<double>(scenario.operations()));

    uint32_t failed_runs = 0;
    uint32_t runs = 0;
    uint32_t overlapping_runs = 0;
    std::optional<RunFailure> first_failure;
    std::string last_table;
    const bool controlled = mode_ == RunMode::kControlled;
    const uint32_t repeats = controlled ? 1 : shape_.repeats;
    while (runs < repeats) {
      ++runs;
      bool overlapped = false;
      std::optional<RunFailure> failure =
          RunOnce(tc, scenario, &last_table, &overlapped);
      if (overlapped) ++overlapping_runs;
      if (!failure) continue;
      ++failed_runs;
      if (!first_failure) first_failure = std::move(failure);
      if (!tc.final_run()) break;
    }
    tc.Event("share of runs whose threads' calls overlapped",
             static_cast<double>(overlapping_runs) / runs);
    if (first_failure) {
      if (controlled) {
        // One run: its schedule is part of the test case.
        throw AssertionFailure(absl::StrCat(first_failure->headline,
                                            " under the controlled scheduler\n",
                                            first_failure->details),
                               first_failure->origin);
      }
      // "non-linearizable in 3 of 10 runs", then the first failing run.
      throw AssertionFailure(
          absl::StrCat(first_failure->headline, " in ", failed_runs, " of ",
                       runs, runs == 1 ? " run" : " runs",
                       tc.final_run() ? "" : " (stopped at the first failure)",
                       "\n", first_failure->details),
          first_failure->origin);
    }
    if (tc.final_run()) {
      tc.Note(absl::StrCat("  scenario (", runs,
                           " runs, all linearizable; results of the last):\n",
                           last_table));
    }
  }

 private:
  // What went wrong in one run: `headline` is the first line of the
  // report ("non-linearizable"), `details` the scenario and why.
  struct RunFailure {
    std::string headline;
    std::string details;
    std::string origin;
  };

  struct InvariantCheck {
    std::string name;
    std::string origin;
    std::function<bool(const Model&, const System&)> check;
  };

  template <typename F>
  static std::function<bool(const Model&, const System&)> WrapInvariant(F f) {
    auto ok = [](auto call) {
      if constexpr (std::is_void_v<decltype(call())>) {
        call();
        return true;
      } else {
        return static_cast<bool>(call());
      }
    };
    if constexpr (std::is_invocable_v<F&, const Model&, const System&>) {
      return [f = std::move(f), ok](const Model& m, const System& s) {
        return ok([&] { return f(m, s); });
      };
    } else if constexpr (std::is_invocable_v<F&, const Model&>) {
      return [f = std::move(f), ok](const Model& m, const System&) {
        return ok([&] { return f(m); });
      };
    } else {
      static_assert(std::is_invocable_v<F&, const System&>,
                    "an invariant takes (const System&), (const Model&) or "
                    "(const Model&, const System&)");
      return [f = std::move(f), ok](const Model&, const System& s) {
        return ok([&] { return f(s); });
      };
    }
  }

  Scenario<System, Model> DrawScenario(TestCase& tc,
                                       const std::vector<bool>& enabled) {
    internal::ScenarioDrawer<System, Model> drawer(
        commands_, *picker_, enabled, shape_, mode_ == RunMode::kControlled);
    std::unique_ptr<System> scratch = make_system_();
    Model model = initial_model_;
    // A void span: one returning a value would print it as a draw.
    Scenario<System, Model> scenario;
    tc.Span("scenario", [&] { scenario = drawer.Draw(tc, *scratch, model); });
    return scenario;
  }

  // One run on a fresh system: the failure (with its report), or nullopt.
  // `table` gets the scenario with this run's results, `overlapped`
  // whether calls of two threads overlapped.
  std::optional<RunFailure> RunOnce(TestCase& tc,
                                    const Scenario<System, Model>& scenario,
                                    std::string* table, bool* overlapped) {
    std::unique_ptr<System> system = make_system_();
    std::optional<RunFailure> failure;
    if (mode_ == RunMode::kControlled) {
      internal::TestCaseDecisions decisions(tc);
      sync::Outcome outcome;
      std::optional<internal::ScenarioRun<System, Model>> run;
      tc.Span("schedule", [&] {
        run = internal::RunScenarioControlled(scenario, *system, system_name_,
                                              &decisions, schedule_, &outcome);
      });
      tc.Event("preemptions", outcome.preemptions);
      tc.Event("scheduler steps", outcome.steps);
      std::string interleaving = absl::StrCat(
          "    interleaving (", outcome.strategy, ", ", outcome.steps,
          " steps, ", outcome.preemptions,
          outcome.preemptions == 1 ? " preemption" : " preemptions",
          "):\n      ", outcome.FormatInterleaving(), "\n");
      *table = absl::StrCat(internal::FormatScenarioTable(run->history, "    "),
                            interleaving);
      *overlapped = internal::CallsOverlap(run->history);
      if (outcome.deadlock || outcome.step_limit) {
        failure = RunFailure{
            outcome.deadlock ? "deadlock: no thread can go on"
                             : "the scheduler's step limit was reached",
            absl::StrCat("  scenario:\n", *table, "  threads:\n",
                         IndentLines(outcome.positions, "    ")),
            origin_};
      } else {
        failure = Judge(*run, *system, *table);
      }
    } else {
      internal::ScenarioRun<System, Model> run =
          internal::RunScenario(scenario, *system, system_name_);
      *table = internal::FormatScenarioTable(run.history, "    ");
      *overlapped = internal::CallsOverlap(run.history);
      failure = Judge(run, *system, *table);
    }
    if (teardown_) {
      try {
        teardown_(*system);
      } catch (const std::exception& error) {
        if (!failure) {
          failure =
              RunFailure{absl::StrCat("teardown threw ", typeid(error).name(),
                                      ": ", error.what()),
                         absl::StrCat("  scenario:\n", *table), origin_};
        }
      }
    }
    return failure;
  }

  std::optional<RunFailure> Judge(
      const internal::ScenarioRun<System, Model>& run, const System& system,
      const std::string& table) {
    std::string scenario_text = absl::StrCat("  scenario:\n", table);
    if (run.error) {
      std::string what = "an exception that is not a std::exception";
      std::string origin = run.failed->origin();
      try {
        std::rethrow_exception(run.error);
      } catch (const AssertionFailure& error) {
        what = error.what();
        origin = error.origin();
      } catch (const std::exception& error) {
        what = absl::StrCat(typeid(error).name(), ": ", error.what());
      } catch (...) {
      }
      return RunFailure{
          absl::StrCat(run.failed->Call(), " threw: ", what),
          absl::StrCat(scenario_text, "  (the steps that completed before it)"),
          origin};
    }
    std::vector<linearizability::Apply<Model>> apply;
    apply.reserve(run.steps.size());
    for (const Step* step : run.steps) {
      apply.push_back([step](Model& model) { return step->Check(model); });
    }
    absl::StatusOr<linearizability::Verdict<Model>> verdict =
        linearizability::CheckLinearizable(run.history, apply, initial_model_);
    if (!verdict.ok()) {
      throw UsageError(
          absl::StrCat("the linearizability check could not "
                       "decide: ",
                       verdict.status().message(), "\n", scenario_text));
    }
    if (!verdict->linearizable) {
      std::string explanation = Indent(verdict->explanation);
      if (mode_ == RunMode::kControlled) {
        explanation = absl::StrReplaceAll(
            explanation, {{"(microseconds from the first invocation)",
                           "(scheduler steps from the first invocation)"}});
      }
      return RunFailure{"non-linearizable",
                        absl::StrCat(scenario_text, "  ", explanation),
                        origin_};
    }
    for (const InvariantCheck& invariant : invariants_) {
      std::string problem;
      try {
        if (invariant.check(*verdict->final_state, system)) continue;
      } catch (const std::exception& error) {
        problem = absl::StrCat(": ", error.what());
      }
      std::string model_text;
      if constexpr (!std::is_same_v<Model, stateful::None>) {
        model_text = absl::StrCat("\n  model after the linearization: ",
                                  ::lockstep::Print(*verdict->final_state));
      }
      return RunFailure{
          absl::StrCat("invariant '", invariant.name,
                       "' failed after the threads joined", problem),
          absl::StrCat(scenario_text, "  linearization: ",
                       Order(run, verdict->order), model_text),
          invariant.origin};
    }
    return std::nullopt;
  }

  static std::string Order(const internal::ScenarioRun<System, Model>& run,
                           const std::vector<size_t>& order) {
    std::string out;
    for (size_t i = 0; i < order.size(); ++i) {
      absl::StrAppend(&out, i == 0 ? "" : ", ", run.history[order[i]].call);
    }
    return out;
  }

  // The checker's lines, indented under the scenario.
  static std::string Indent(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
      out += text[i];
      if (text[i] == '\n' && i + 1 < text.size()) out += "  ";
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  static std::string IndentLines(const std::string& text,
                                 const std::string& indent) {
    std::string out;
    bool start = true;
    for (char c : text) {
      if (start) out += indent;
      out += c;
      start = c == '\n';
    }
    return out;
  }

  const SystemFactory make_system_;
  const Model initial_model_;
  const std::string origin_;
  std::string system_name_ = "system";
  std::vector<std::unique_ptr<CommandBase>> commands_;
  std::vector<InvariantCheck> invariants_;
  std::function<void(System&)> teardown_;
  bool swarm_ = true;
  ScenarioShape shape_;
  RunMode mode_ = RunMode::kStress;
  sync::ScheduleOptions schedule_;
  std::optional<stateful::internal::CommandPicker> picker_;
};

}  // namespace lockstep::concurrent

#endif  // LOCKSTEP_CLIENT_CONCURRENT_CONCURRENT_STATE_MACHINE_H_
