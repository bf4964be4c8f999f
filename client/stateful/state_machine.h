// StateMachine: a stateful test, model-based or model-free. See
// client/stateful.h for the guide; this is the runner.
#ifndef LOCKSTEP_CLIENT_STATEFUL_STATE_MACHINE_H_
#define LOCKSTEP_CLIENT_STATEFUL_STATE_MACHINE_H_

#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/assertions.h"
#include "client/printing.h"
#include "client/stateful/command.h"
#include "client/stateful/pool.h"
#include "client/stateful/program_log.h"
#include "client/stateful/step_loop.h"
#include "client/test_case.h"
#include "client/usage_error.h"

namespace lockstep::stateful {

// Owned by the thread running the test body: build one per case (in the
// body) or reuse one; Run starts every program afresh.
template <typename System, typename Model = None>
class StateMachine {
 public:
  using SystemFactory = std::function<std::unique_ptr<System>()>;
  using CommandBase = internal::CommandBase<System, Model>;
  using Step = internal::Step<System, Model>;

  // A default-constructed system and model.
  StateMachine()
      : StateMachine([] { return std::make_unique<System>(); }, Model()) {}
  // Each program runs on a system from `make_system`, against a copy of
  // `initial_model`.
  explicit StateMachine(SystemFactory make_system,
                        Model initial_model = Model())
      : make_system_(std::move(make_system)),
        initial_model_(std::move(initial_model)) {}
  StateMachine(const StateMachine&) = delete;
  StateMachine& operator=(const StateMachine&) = delete;

  // What the printout calls the system: `q` prints `q.Push(3);`.
  StateMachine& SystemName(std::string name) {
    system_name_ = std::move(name);
    return *this;
  }
  // A command; `Signature` is its parameters and result, e.g. `bool(int)`.
  // Failures of its checks are reported at this call's line.
  template <typename Signature>
  stateful::Command<System, Model, Signature>& Command(
      std::string name, const char* file = __builtin_FILE(),
      int line = __builtin_LINE()) {
    return Add<Signature>(&commands_, std::move(name), file, line);
  }
  // A step run once, before the others, in the order given (Hypothesis's
  // @initialize): a command like any other, never picked again.
  template <typename Signature>
  stateful::Command<System, Model, Signature>& Initialize(
      std::string name, const char* file = __builtin_FILE(),
      int line = __builtin_LINE()) {
    return Add<Signature>(&initializers_, std::move(name), file, line);
  }
  // Checked after every step: `check` takes (const System&), (const
  // Model&) or (const Model&, const System&) and returns false (or
  // asserts) when the invariant does not hold.
  template <typename F>
  StateMachine& Invariant(std::string name, F check,
                          const char* file = __builtin_FILE(),
                          int line = __builtin_LINE()) {
    invariants_.push_back({std::move(name), absl::StrCat(file, ":", line),
                           Wrap(std::move(check))});
    return *this;
  }
  // Also check the invariants before the first step.
  StateMachine& InvariantsBeforeFirstStep(bool check = true) {
    invariants_first_ = check;
    return *this;
  }
  // Runs after every program, also a failing one, before the system is
  // destroyed.
  StateMachine& Teardown(std::function<void(System&)> teardown) {
    teardown_ = std::move(teardown);
    return *this;
  }
  // Swarm testing (on by default): each case switches some commands off.
  StateMachine& Swarm(bool swarm) {
    swarm_ = swarm;
    return *this;
  }
  // A pool of values for steps to produce and use; `name` names them.
  template <typename T>
  Pool<T>& NewPool(std::string name) {
    auto pool = std::make_unique<Pool<T>>(std::move(name), &log_);
    Pool<T>& ref = *pool;
    pools_.push_back(std::move(pool));
    return ref;
  }

  // Draws a program from `tc` and runs it: at most tc.max_steps() steps
  // (Settings::max_steps). A failure is rethrown with the program, the
  // failing step and the model before it in its message, and keeps its
  // origin.
  void Run(TestCase& tc) {
    if (commands_.empty()) throw UsageError("a StateMachine has no commands");
    if (tc.explicit_example() != 0) {
      // An example gives values to draws in order; a program is many draws
      // (swarm flags, "one more step?" flags, each step's command and
      // arguments) that no list of values could sensibly spell out.
      throw UsageError(absl::StrCat(
          "explicit example ", tc.explicit_example(),
          ": Settings::Example does not apply to a stateful test "
          "(StateMachine::Run draws the whole program, not values an "
          "example could give); remove the Example, and pin a program as a "
          "plain test that calls the system, or keep the example database, "
          "which replays a failing program first"));
    }
    for (auto& pool : pools_) pool->Clear();
    log_.Clear(system_name_);
    failing_ = kNone;
    invariant_ = nullptr;
    std::unique_ptr<System> system = make_system_();
    Model model = initial_model_;
    std::exception_ptr failure;
    try {
      tc.Span("program", [&] { Program(tc, *system, model); });
    } catch (const Rejected&) {
      throw;
    } catch (const protocol::Overrun&) {
      throw;
    } catch (...) {
      failure = std::current_exception();
    }
    if (teardown_) {
      try {
        teardown_(*system);
      } catch (...) {
        if (!failure) {
          failure = std::current_exception();
          failing_ = kNone;
          invariant_ = nullptr;
        }
      }
    }
    system.reset();
    if (failure) Rethrow(failure);
    // A failure the runner cannot see (a GoogleTest EXPECT_*) still gets
    // the program in its report.
    if (tc.final_run()) tc.Note(log_.Format(kNone, ""));
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  struct InvariantCheck {
    std::string name;
    std::string origin;
    std::function<bool(const Model&, const System&)> check;
  };

  template <typename Signature>
  stateful::Command<System, Model, Signature>& Add(
      std::vector<std::unique_ptr<CommandBase>>* list, std::string name,
      const char* file, int line) {
    auto command =
        std::make_unique<stateful::Command<System, Model, Signature>>(
            std::move(name), absl::StrCat(file, ":", line));
    auto& ref = *command;
    list->push_back(std::move(command));
    picker_.reset();
    return ref;
  }

  template <typename F>
  static std::function<bool(const Model&, const System&)> Wrap(F f) {
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

  void Program(TestCase& tc, System& system, Model& model) {
    std::vector<bool> enabled =
        internal::DrawEnabled(tc, commands_.size(), swarm_);
    for (const auto& initializer : initializers_) {
      tc.Span("initialize", [&] {
        log_.set_step_start(tc.choices_drawn());
        if (initializer->Allowed(model, system)) {
          RunStep(*initializer, tc, system, model);
        }
      });
    }
    if (invariants_first_) CheckInvariants(model, system);
    if (!picker_) {
      std::vector<uint32_t> weights;
      for (const auto& command : commands_)
        weights.push_back(command->weight());
      picker_.emplace(weights);
    }
    internal::StepBudget budget(tc.max_steps());
    while (budget.More(tc)) {
      tc.Span("step", [&] {
        log_.set_step_start(tc.choices_drawn());
        size_t pick = picker_->Pick(tc);
        const CommandBase& command = *commands_[pick];
        if (!enabled[pick] || !command.Allowed(model, system)) return;
        if (RunStep(command, tc, system, model)) budget.Ran();
      });
    }
    tc.Event("steps per program", budget.ran());
  }

  // Draws, runs and checks one step; false when it was skipped.
  bool RunStep(const CommandBase& command, TestCase& tc, System& system,
               Model& model) {
    std::unique_ptr<Step> drawn;
    try {
      drawn = command.Draw(tc, model);
    } catch (const SkipStep&) {
      // A value an earlier argument took was not used: it stays available.
      for (auto& pool : pools_) pool->ReturnTaken();
      return false;
    }
    for (auto& pool : pools_) pool->KeepTaken();
    Step& step = *drawn;
    log_.Append(std::move(drawn));
    failing_ = log_.size() - 1;
    step.Run(system);
    step.Publish();
    if (std::optional<std::string> problem = step.Check(model)) {
      throw AssertionFailure(*problem, step.origin());
    }
    CheckInvariants(model, system);
    failing_ = kNone;
    return true;
  }

  void CheckInvariants(const Model& model, const System& system) {
    for (const InvariantCheck& invariant : invariants_) {
      invariant_ = &invariant;
      if (!invariant.check(model, system)) {
        if (failing_ == kNone && log_.size() > 0) failing_ = log_.size() - 1;
        throw AssertionFailure(
            absl::StrCat("invariant '", invariant.name, "' failed"),
            invariant.origin);
      }
    }
    invariant_ = nullptr;
  }

  // The failure's message with the program, and the model before the
  // failing step (recomputed from the steps before it).
  std::string Describe(const std::string& message) {
    std::string marker = invariant_ == nullptr
                             ? "failed"
                             : absl::StrCat("invariant '", invariant_->name,
                                            "' failed after this step");
    std::string out =
        absl::StrCat(message, "\n", log_.Format(failing_, marker));
    if constexpr (!std::is_same_v<Model, None>) {
      Model before = initial_model_;
      // An invariant failed after its step: the model after that step.
      size_t steps = failing_ == kNone       ? log_.size()
                     : invariant_ != nullptr ? failing_ + 1
                                             : failing_;
      for (size_t i = 0; i < steps; ++i) {
        try {
          static_cast<const Step&>(log_.step(i)).Check(before);
        } catch (...) {
        }
      }
      absl::StrAppend(&out, "  model ",
                      failing_ == kNone       ? "after the program"
                      : invariant_ != nullptr ? "after the failing step"
                                              : "before the failing step",
                      ": ", ::lockstep::Print(before));
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  [[noreturn]] void Rethrow(std::exception_ptr failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const UsageError&) {
      throw;
    } catch (const AssertionFailure& error) {
      throw AssertionFailure(Describe(error.what()), error.origin());
    } catch (const std::exception& error) {
      // The origin RunBody would give it: the exception's type.
      throw AssertionFailure(
          Describe(absl::StrCat(typeid(error).name(), ": ", error.what())),
          typeid(error).name());
    }
  }

  const SystemFactory make_system_;
  const Model initial_model_;
  std::string system_name_ = "system";
  std::vector<std::unique_ptr<CommandBase>> commands_;
  std::vector<std::unique_ptr<CommandBase>> initializers_;
  std::vector<InvariantCheck> invariants_;
  std::function<void(System&)> teardown_;
  std::vector<std::unique_ptr<internal::PoolBase>> pools_;
  bool swarm_ = true;
  bool invariants_first_ = false;
  std::optional<internal::CommandPicker> picker_;
  internal::ProgramLog log_;
  size_t failing_ = kNone;  // the step being run, in log_
  // The invariant being checked, if any.
  const InvariantCheck* invariant_ = nullptr;
};

}  // namespace lockstep::stateful

#endif  // LOCKSTEP_CLIENT_STATEFUL_STATE_MACHINE_H_
