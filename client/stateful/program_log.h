// The steps a stateful program ran, kept so that a failure can print the
// program as C++-like code with each step's arguments and result:
//
//   program (3 steps):
//     auto h1 = t.Open("a");  // -> 3
//     t.Close(h1);  // -> 0
//     t.Close(h1);  // -> 0  <-- failed
//
// Steps are printed only when a program fails (or in the final replay), so
// a passing program pays for keeping its steps, not for printing them.
#ifndef LOCKSTEP_CLIENT_STATEFUL_PROGRAM_LOG_H_
#define LOCKSTEP_CLIENT_STATEFUL_PROGRAM_LOG_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace lockstep::stateful::internal {

// One step as the printout shows it.
class PrintedStep {
 public:
  virtual ~PrintedStep() = default;
  // The call without the system: `Push(3)`.
  virtual std::string Call() const = 0;
  // The result, printed; "" when the command returns nothing or the step
  // has not returned.
  virtual std::string ResultText() const = 0;
};

// Owned by the thread running one program.
class ProgramLog {
 public:
  // Forgets the last program; `system` prefixes every call (`t.`).
  void Clear(std::string system);
  void Append(std::unique_ptr<PrintedStep> step);
  // The latest step made a pool value called `name` (`auto h1 = ...`).
  void Produced(std::string name);
  // Where the step being drawn starts in the case's choices (the start of
  // its span): pool values it makes remember it, so that steps using them
  // can say so to the shrinker (pool.h).
  void set_step_start(size_t position) { step_start_ = position; }
  size_t step_start() const { return step_start_; }
  size_t size() const { return entries_.size(); }
  PrintedStep& step(size_t i) { return *entries_[i].step; }

  // The program, one line per step, `marker` after step `marked` (an
  // index, or npos for none).
  std::string Format(size_t marked, const std::string& marker) const;

 private:
  struct Entry {
    std::unique_ptr<PrintedStep> step;
    std::vector<std::string> produced;
  };
  std::string system_;
  std::vector<Entry> entries_;
  size_t step_start_ = 0;
};

}  // namespace lockstep::stateful::internal

#endif  // LOCKSTEP_CLIENT_STATEFUL_PROGRAM_LOG_H_
