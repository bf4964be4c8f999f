// One run of a property body: draws come from the engine's directive, and
// the run records notes, targets and (in the final replay) what was drawn.
#ifndef LOCKSTEP_CLIENT_TEST_CASE_H_
#define LOCKSTEP_CLIENT_TEST_CASE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "client/printing.h"
#include "server_bridge/protocol/case_exceptions.h"

namespace lockstep {

namespace protocol {
class ChoiceSource;
}  // namespace protocol

// Thrown by TestCase::Assume to reject a case (caught by Check).
using Rejected = protocol::CaseRejected;

// Owned by the thread running one case of the body; not shared.
class TestCase {
 public:
  // `final_run`: the replay of the minimal failure, whose draws and notes go
  // into the report.
  TestCase(protocol::ChoiceSource* source, bool final_run)
      : source_(source), final_run_(final_run) {}
  TestCase(const TestCase&) = delete;
  TestCase& operator=(const TestCase&) = delete;

  // Draws a value from `generator`. Any number of draws, in any order.
  template <typename Generator>
  typename Generator::value_type Draw(const Generator& generator) {
    typename Generator::value_type value = [&] {
      SpanScope span(this, generator.label());
      return generator.Generate(*this);
    }();
    if (final_run_ && depth_ == 0) draws_.push_back(Print(value));
    return value;
  }

  // Rejects this case unless `condition` holds (like Hypothesis's assume).
  void Assume(bool condition) {
    if (!condition) throw Rejected{};
  }
  // Printed with the minimal failing example (only in the final replay).
  void Note(std::string note) {
    if (final_run_) notes_.push_back(std::move(note));
  }
  // Steers generation toward higher `score` for `label`.
  void Target(double score, std::string label = "") {
    targets_.emplace_back(std::move(label), score);
  }

  // The typed choices every generator bottoms out in; each is recorded with
  // its bounds, so the engine can shrink it. A custom generator draws with
  // these (inside Draw, so that its draws form one span).
  int64_t DrawInteger(int64_t min, int64_t max);  // in [min, max]
  double DrawFloat(double min, double max, bool allow_nan, bool allow_infinity);
  bool DrawBoolean(double probability);  // true with `probability`
  std::string DrawBytes(uint32_t min_size, uint32_t max_size);

  bool final_run() const { return final_run_; }

  const std::vector<std::string>& draws() const { return draws_; }
  const std::vector<std::string>& notes() const { return notes_; }
  // (label, score) per Target call.
  const std::vector<std::pair<std::string, double>>& targets() const {
    return targets_;
  }

 private:
  // Opens a span for one generator call and closes it however the call
  // ends (a rejected or failing case throws through generators).
  class SpanScope {
   public:
    SpanScope(TestCase* tc, const std::string& label);
    ~SpanScope();
    SpanScope(const SpanScope&) = delete;
    SpanScope& operator=(const SpanScope&) = delete;

   private:
    TestCase* const tc_;
  };

  protocol::ChoiceSource* const source_;
  const bool final_run_;
  int depth_ = 0;
  std::vector<std::string> draws_;
  std::vector<std::string> notes_;
  std::vector<std::pair<std::string, double>> targets_;
};

}  // namespace lockstep

#endif  // LOCKSTEP_CLIENT_TEST_CASE_H_
