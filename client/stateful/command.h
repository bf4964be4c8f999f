// A command of a stateful test: a named action on the system under test,
// with its parameters' types in its signature (`bool(int)` pushes an int
// and returns whether it fit):
//
//   machine.Command<bool(int)>("Push")
//       .Requires([](const Model& m) { return m.items.size() < m.capacity; })
//       .Args(gen::Integers<int>(0, 9))
//       .Run([](Queue& q, int x) { return q.Push(x); })
//       .Next([](Model& m, int x) { m.items.push_back(x); return true; });
//
// Requires: the precondition, on the model (or, without one, the system);
//   a step whose command's precondition does not hold is left out of the
//   program, as is one whose argument draw skips (an empty pool).
// Args: one generator per parameter; Draw: a function (TestCase&, const
//   Model&) returning the arguments, for arguments that depend on the model.
// Run: the action, (System&, args...) returning the result.
// Next: the model's next state, (Model&, args...), returning the result the
//   model expects (compared with ==), or nothing; or (Model&, args...,
//   const Result&), to learn from the actual result.
// Post: a postcondition, (const Model& before, args..., const Result&) (or
//   without the model) returning false, or asserting, when it fails.
// Into: the result is added to a pool for later steps.
// Weight: how often the command is picked relative to the others (1).
//
// A drawn command is a Step: its arguments, then Run on a system, then
// Check against a model. Running and checking are separate so that the
// same commands can run on several threads and be checked afterwards.
#ifndef LOCKSTEP_CLIENT_STATEFUL_COMMAND_H_
#define LOCKSTEP_CLIENT_STATEFUL_COMMAND_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "client/printing.h"
#include "client/stateful/pool.h"
#include "client/stateful/program_log.h"
#include "client/test_case.h"
#include "client/usage_error.h"

namespace lockstep::stateful {
namespace internal {

// One drawn command with its arguments. Owned by the thread running it.
template <typename System, typename Model>
class Step : public PrintedStep {
 public:
  // The action on `system`; keeps the result.
  virtual void Run(System& system) = 0;
  // Checks the result against `model` (the state before this step) and
  // moves `model` to its next state: a failure's message, or nullopt.
  // Postconditions that assert throw instead.
  virtual std::optional<std::string> Check(Model& model) const = 0;
  // Adds the result to the command's pool, if it has one.
  virtual void Publish() = 0;
  // The command's definition, "file:line": where its failures are reported.
  virtual const std::string& origin() const = 0;
};

// Configured by its builder calls before a program runs, read-only while
// one does (so steps of one command may run on several threads; drawing
// from a pool changes the pool, which the program's thread owns).
template <typename System, typename Model>
class CommandBase {
 public:
  CommandBase(std::string name, std::string origin)
      : name_(std::move(name)), origin_(std::move(origin)) {}
  virtual ~CommandBase() = default;
  CommandBase(const CommandBase&) = delete;
  CommandBase& operator=(const CommandBase&) = delete;

  const std::string& name() const { return name_; }
  const std::string& origin() const { return origin_; }
  uint32_t weight() const { return weight_; }
  // The precondition.
  virtual bool Allowed(const Model& model, const System& system) const = 0;
  // Draws the arguments (SkipStep when they cannot be drawn).
  virtual std::unique_ptr<Step<System, Model>> Draw(
      TestCase& tc, const Model& model) const = 0;

 protected:
  const std::string name_;
  const std::string origin_;
  uint32_t weight_ = 1;
};

template <typename Tuple, size_t... I>
std::string PrintArguments(const Tuple& args, std::index_sequence<I...>) {
  std::string out;
  ((out += (I == 0 ? "" : ", ") + ::lockstep::Print(std::get<I>(args))), ...);
  return out;
}

}  // namespace internal

template <typename System, typename Model, typename Signature>
class Command;

template <typename System, typename Model, typename R, typename... A>
class Command<System, Model, R(A...)>
    : public internal::CommandBase<System, Model> {
 public:
  using Result = std::conditional_t<std::is_void_v<R>, None, R>;
  using Arguments = std::tuple<std::decay_t<A>...>;

  Command(std::string name, std::string origin)
      : internal::CommandBase<System, Model>(std::move(name),
                                             std::move(origin)) {}

  Command& Weight(uint32_t weight) {
    if (weight == 0) {
      throw UsageError(absl::StrCat("command '", this->name_,
                                    "': a weight must be at least 1"));
    }
    this->weight_ = weight;
    return *this;
  }

  template <typename F>
  Command& Requires(F f) {
    if constexpr (std::is_invocable_r_v<bool, F&, const Model&,
                                        const System&>) {
      requires_ = std::move(f);
    } else if constexpr (std::is_invocable_r_v<bool, F&, const Model&>) {
      requires_ = [f = std::move(f)](const Model& m, const System&) {
        return f(m);
      };
    } else {
      static_assert(std::is_invocable_r_v<bool, F&, const System&>,
                    "Requires takes (const Model&), (const System&) or "
                    "(const Model&, const System&) and returns bool");
      requires_ = [f = std::move(f)](const Model&, const System& s) {
        return f(s);
      };
    }
    return *this;
  }

  template <typename... G>
  Command& Args(G... generators) {
    static_assert(sizeof...(G) == sizeof...(A),
                  "Args takes one generator per parameter of the command");
    draw_ = [generators...](TestCase& tc, const Model&) {
      // A braced list evaluates in order: the draws keep their order.
      return Arguments{tc.Draw(generators)...};
    };
    return *this;
  }

  template <typename F>
  Command& Draw(F f) {
    if constexpr (std::is_invocable_v<F&, TestCase&, const Model&>) {
      draw_ = [f = std::move(f)](TestCase& tc, const Model& m) {
        return Arguments(f(tc, m));
      };
    } else {
      static_assert(std::is_invocable_v<F&, TestCase&>,
                    "Draw takes (TestCase&, const Model&) or (TestCase&) and "
                    "returns the arguments (a tuple, or the one argument)");
      draw_ = [f = std::move(f)](TestCase& tc, const Model&) {
        return Arguments(f(tc));
      };
    }
    return *this;
  }

  template <typename F>
  Command& Run(F f) {
    static_assert(std::is_invocable_v<F&, System&, const A&...>,
                  "Run takes (System&, the command's parameters...)");
    run_ = [f = std::move(f)](System& system, const Arguments& args) {
      return std::apply(
          [&](const auto&... a) -> Result {
            if constexpr (std::is_void_v<R>) {
              f(system, a...);
              return None{};
            } else {
              return f(system, a...);
            }
          },
          args);
    };
    return *this;
  }

  template <typename F>
  Command& Next(F f) {
    if constexpr (std::is_invocable_v<F&, Model&, const A&..., const Result&>) {
      next_ = [f = std::move(f)](Model& m, const Arguments& args,
                                 const Result& result,
                                 const internal::PrintedStep&) {
        std::apply([&](const auto&... a) { f(m, a..., result); }, args);
        return std::optional<std::string>();
      };
    } else {
      static_assert(std::is_invocable_v<F&, Model&, const A&...>,
                    "Next takes (Model&, the parameters...) and returns the "
                    "expected result or nothing, or (Model&, the "
                    "parameters..., const Result&)");
      using Expected = std::invoke_result_t<F&, Model&, const A&...>;
      next_ =
          [f = std::move(f)](
              Model& m, const Arguments& args, const Result& result,
              const internal::PrintedStep& step) -> std::optional<std::string> {
        if constexpr (std::is_void_v<Expected>) {
          std::apply([&](const auto&... a) { f(m, a...); }, args);
          return std::nullopt;
        } else {
          Result expected = std::apply(
              [&](const auto&... a) -> Result { return f(m, a...); }, args);
          if (expected == result) return std::nullopt;
          return absl::StrCat(
              step.Call(), " returned ", ::lockstep::Print(result),
              ", but the model expects ", ::lockstep::Print(expected));
        }
      };
    }
    return *this;
  }

  template <typename F>
  Command& Post(F f) {
    auto check = [](auto ok) {
      if constexpr (std::is_void_v<decltype(ok())>) {
        ok();
        return true;
      } else {
        return static_cast<bool>(ok());
      }
    };
    if constexpr (std::is_invocable_v<F&, const Model&, const A&...,
                                      const Result&>) {
      post_ = [f = std::move(f), check](const Model& m, const Arguments& args,
                                        const Result& result) {
        return std::apply(
            [&](const auto&... a) {
              return check([&] { return f(m, a..., result); });
            },
            args);
      };
    } else {
      static_assert(std::is_invocable_v<F&, const A&..., const Result&>,
                    "Post takes (const Model&, the parameters..., const "
                    "Result&), or the same without the model");
      post_ = [f = std::move(f), check](const Model&, const Arguments& args,
                                        const Result& result) {
        return std::apply(
            [&](const auto&... a) {
              return check([&] { return f(a..., result); });
            },
            args);
      };
    }
    return *this;
  }

  // The result goes into `pool` (which must outlive the program).
  Command& Into(Pool<Result>& pool) {
    publish_ = [&pool](const Result& result) { pool.Add(result); };
    return *this;
  }
  // `convert(result)`, when it holds a value, goes into `pool`: for a
  // command whose result may be an error.
  template <typename T, typename F>
  Command& Into(Pool<T>& pool, F convert) {
    publish_ = [&pool, convert = std::move(convert)](const Result& result) {
      std::optional<T> value = convert(result);
      if (value) pool.Add(std::move(*value));
    };
    return *this;
  }

  bool Allowed(const Model& model, const System& system) const override {
    return !requires_ || requires_(model, system);
  }

  std::unique_ptr<internal::Step<System, Model>> Draw(
      TestCase& tc, const Model& model) const override {
    if (!run_) {
      throw UsageError(absl::StrCat("command '", this->name_, "' (",
                                    this->origin_, ") has no Run"));
    }
    if constexpr (sizeof...(A) == 0) {
      return std::make_unique<StepOf>(this, Arguments());
    } else {
      if (!draw_) {
        throw UsageError(absl::StrCat(
            "command '", this->name_, "' (", this->origin_,
            ") takes arguments: give it Args(generators...) or Draw(f)"));
      }
      return std::make_unique<StepOf>(this, draw_(tc, model));
    }
  }

 private:
  class StepOf : public internal::Step<System, Model> {
   public:
    StepOf(const Command* command, Arguments args)
        : command_(command), args_(std::move(args)) {}

    void Run(System& system) override {
      result_.emplace(command_->run_(system, args_));
    }
    std::optional<std::string> Check(Model& model) const override {
      if (!result_) return std::nullopt;
      if (command_->post_ && !command_->post_(model, args_, *result_)) {
        return absl::StrCat("postcondition of ", command_->name(),
                            " failed: ", Call(), " returned ",
                            ::lockstep::Print(*result_));
      }
      if (command_->next_) {
        return command_->next_(model, args_, *result_, *this);
      }
      return std::nullopt;
    }
    void Publish() override {
      if (command_->publish_ && result_) command_->publish_(*result_);
    }
    const std::string& origin() const override { return command_->origin(); }
    std::string Call() const override {
      return absl::StrCat(
          command_->name(), "(",
          internal::PrintArguments(args_, std::index_sequence_for<A...>()),
          ")");
    }
    std::string ResultText() const override {
      if constexpr (std::is_void_v<R>) {
        return "";
      } else {
        return result_ ? ::lockstep::Print(*result_) : "";
      }
    }

   private:
    const Command* const command_;
    const Arguments args_;
    std::optional<Result> result_;
  };

  std::function<bool(const Model&, const System&)> requires_;
  std::function<Arguments(TestCase&, const Model&)> draw_;
  std::function<Result(System&, const Arguments&)> run_;
  // The step is there to name the call in a mismatch's message.
  std::function<std::optional<std::string>(
      Model&, const Arguments&, const Result&, const internal::PrintedStep&)>
      next_;
  std::function<bool(const Model&, const Arguments&, const Result&)> post_;
  std::function<void(const Result&)> publish_;
};

}  // namespace lockstep::stateful

#endif  // LOCKSTEP_CLIENT_STATEFUL_COMMAND_H_
