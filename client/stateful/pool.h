// Pools (Hypothesis's bundles): values one step of a stateful program
// produces (a handle, an id, an open file) and later steps use or consume.
// A pool lives in its StateMachine; a step adds to it (Command::Into, or
// Pool::Add in its action) and a later step's argument draws from it with
// Pool::Any() (the value stays) or Pool::Take() (the value is gone after
// this step). Each value is a Var: the value itself and the name the
// program's printout gives it (`auto h1 = t.Open("a");` ... `t.Close(h1);`).
//
// A draw from a pool is one integer choice, an index counted from the most
// recent value, so the simplest reference is to the value made last, and
// deleting a step that made a value nobody used leaves the later
// references where they were. Each draw also leaves a zero-width span
// "uses <start of the step that made the value>" (protocol::UsesSpanLabel),
// so the engine can delete a step together with the steps that use what it
// made. Drawing from an empty pool skips the step (it is left out of the
// program, the case goes on); values the skipped step took go back.
#ifndef LOCKSTEP_CLIENT_STATEFUL_POOL_H_
#define LOCKSTEP_CLIENT_STATEFUL_POOL_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/stateful/program_log.h"
#include "client/test_case.h"
#include "server_bridge/protocol/run.h"

namespace lockstep::stateful {

// What a command without arguments takes and a command without a result
// returns; prints as nothing.
struct None {
  bool operator==(const None&) const { return true; }
  bool operator!=(const None&) const { return false; }
};
inline void PrintTo(const None&, std::ostream*) {}

// Thrown to leave the current step out of the program (its precondition
// turned out not to hold while drawing its arguments). The case goes on.
struct SkipStep {};
[[noreturn]] inline void Skip() { throw SkipStep{}; }

template <typename T>
class Pool;

// A value in a pool, printed by its name.
template <typename T>
class Var {
 public:
  Var(T value, size_t id, std::string name)
      : value_(std::move(value)), id_(id), name_(std::move(name)) {}
  const T& value() const { return value_; }
  const T& operator*() const { return value_; }
  const T* operator->() const { return &value_; }
  // 1-based, in the order the pool got its values: stable within a
  // program, so a model can key what it knows of a value by it.
  size_t id() const { return id_; }
  const std::string& name() const { return name_; }
  bool operator==(const Var& other) const { return id_ == other.id_; }
  bool operator!=(const Var& other) const { return id_ != other.id_; }
  friend void PrintTo(const Var& var, std::ostream* out) { *out << var.name_; }

 private:
  friend class Pool<T>;

  T value_;
  size_t id_;
  std::string name_;
  // Where the step that made it starts in the case's choices.
  uint32_t made_at_ = 0;
};

namespace internal {
class PoolBase {
 public:
  virtual ~PoolBase() = default;
  virtual void Clear() = 0;
  // The step being drawn was skipped: the values it took come back, where
  // they were.
  virtual void ReturnTaken() = 0;
  // The step runs: the values it took are gone for good.
  virtual void KeepTaken() = 0;
};
}  // namespace internal

// The generator Pool::Any()/Take() return, for Command::Args.
template <typename T>
class PoolDraw {
 public:
  using value_type = Var<T>;
  PoolDraw(Pool<T>* pool, bool take) : pool_(pool), take_(take) {}
  std::string label() const { return "pool"; }
  Var<T> Generate(TestCase& tc) const { return pool_->Draw(tc, take_); }

 private:
  Pool<T>* pool_;
  bool take_;
};

// Owned by its StateMachine and by the thread running the program.
template <typename T>
class Pool : public internal::PoolBase {
 public:
  // `name` prefixes the values' names: "h" gives h1, h2, ...
  Pool(std::string name, internal::ProgramLog* log)
      : name_(std::move(name)), log_(log) {}
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // Adds `value` as a new variable, named in the current step's printout.
  const Var<T>& Add(T value) {
    ++made_;
    values_.emplace_back(std::move(value), made_, absl::StrCat(name_, made_));
    values_.back().made_at_ = static_cast<uint32_t>(log_->step_start());
    log_->Produced(values_.back().name());
    return values_.back();
  }
  // An argument drawn from the pool; the value stays in it.
  PoolDraw<T> Any() { return PoolDraw<T>(this, false); }
  // An argument drawn from the pool and removed from it.
  PoolDraw<T> Take() { return PoolDraw<T>(this, true); }

  // Draws a value (counted from the most recent); skips the step when the
  // pool is empty.
  Var<T> Draw(TestCase& tc, bool take) {
    if (values_.empty()) Skip();
    int64_t back = tc.DrawInteger(0, static_cast<int64_t>(values_.size()) - 1);
    size_t index = values_.size() - 1 - static_cast<size_t>(back);
    Var<T> var = values_[index];
    tc.Span(protocol::UsesSpanLabel(var.made_at_), [] {});
    if (take) {
      values_.erase(values_.begin() + static_cast<ptrdiff_t>(index));
      taken_.emplace_back(index, var);
    }
    return var;
  }
  // Removes `var` if it is still here.
  void Remove(const Var<T>& var) {
    values_.erase(std::remove(values_.begin(), values_.end(), var),
                  values_.end());
  }

  bool empty() const { return values_.empty(); }
  size_t size() const { return values_.size(); }
  // Oldest first.
  const std::vector<Var<T>>& values() const { return values_; }
  const std::string& name() const { return name_; }

  void Clear() override {
    values_.clear();
    taken_.clear();
    made_ = 0;
  }
  void ReturnTaken() override {
    // Latest first: each goes back to the index it had when it was taken.
    for (auto it = taken_.rbegin(); it != taken_.rend(); ++it) {
      values_.insert(values_.begin() + static_cast<ptrdiff_t>(it->first),
                     it->second);
    }
    taken_.clear();
  }
  void KeepTaken() override { taken_.clear(); }

 private:
  const std::string name_;
  internal::ProgramLog* const log_;
  std::vector<Var<T>> values_;
  // Taken by the step being drawn, with the index each had: (index, value).
  std::vector<std::pair<size_t, Var<T>>> taken_;
  size_t made_ = 0;
};

}  // namespace lockstep::stateful

#endif  // LOCKSTEP_CLIENT_STATEFUL_POOL_H_
