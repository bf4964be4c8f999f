// One run of a property body: draws come from the engine's directive (or,
// for an explicit example, from the example), and the run records notes,
// events, targets and (in the final replay) what was drawn.
#ifndef LOCKSTEP_CLIENT_TEST_CASE_H_
#define LOCKSTEP_CLIENT_TEST_CASE_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "client/explicit_example.h"
#include "client/printing.h"
#include "client/settings.h"
#include "client/usage_error.h"
#include "server_bridge/protocol/case_exceptions.h"

namespace lockstep {

namespace protocol {
class ChoiceSource;
}  // namespace protocol
namespace internal {
class CaseJournal;
}  // namespace internal

// Thrown by TestCase::Assume to reject a case (caught by Check).
using Rejected = protocol::CaseRejected;

// A top-level draw as a report prints it: `name = value` ("" if unnamed).
struct DrawnValue {
  std::string name;
  std::string value;
  bool operator==(const DrawnValue& other) const {
    return name == other.name && value == other.value;
  }
};

// Owned by the thread running one case of the body; not shared.
class TestCase {
 public:
  // `final_run`: the replay of the minimal failure, whose draws and notes go
  // into the report.
  TestCase(protocol::ChoiceSource* source, bool final_run)
      : source_(source), recording_(final_run) {}
  // Runs explicit example number `number` (1-based): every draw takes the
  // example's next value instead of calling its generator. `source` only
  // receives spans.
  TestCase(protocol::ChoiceSource* source, const Example* example,
           size_t number)
      : source_(source),
        recording_(true),
        example_(example),
        example_number_(number) {}
  TestCase(const TestCase&) = delete;
  TestCase& operator=(const TestCase&) = delete;

  // Draws a value from `generator`. Any number of draws, in any order.
  template <typename Generator>
  typename Generator::value_type Draw(const Generator& generator) {
    return Draw(std::string_view(), generator);
  }
  // The same, printed as `name = value` in a failure's report (and matched
  // by name against an explicit example's Named values).
  template <typename Generator>
  typename Generator::value_type Draw(std::string_view name,
                                      const Generator& generator) {
    using T = typename Generator::value_type;
    if (example_ != nullptr) return FromExample<T>(name);
    T value = [&] {
      SpanScope span(this, generator.label());
      return generator.Generate(*this);
    }();
    if (depth_ == 0) Record(name, value);
    return value;
  }

  // Runs `f` as one generator: its draws form one span labelled `label`,
  // which the shrinker deletes, zeroes and reorders as a unit. This is what
  // lets an imperative generator (a plain function that draws several
  // times) shrink like one built from combinators. A top-level span's
  // result is printed `label = value`; in an explicit example it takes the
  // example's next value and `f` does not run (unless `f` returns void).
  template <typename F>
  std::invoke_result_t<F&> Span(std::string_view label, F&& f) {
    using R = std::invoke_result_t<F&>;
    if constexpr (std::is_void_v<R>) {
      SpanScope span(this, std::string(label));
      f();
    } else {
      if (example_ != nullptr) return FromExample<R>(label);
      R value = [&] {
        SpanScope span(this, std::string(label));
        return f();
      }();
      if (depth_ == 0) Record(label, value);
      return value;
    }
  }

  // Rejects this case unless `condition` holds (like Hypothesis's assume).
  void Assume(bool condition) {
    if (!condition) throw Rejected{};
  }
  // Printed with the minimal failing example (only in the final replay).
  void Note(std::string note);
  // Counts this case under `label` (once per case, however often it is
  // called); at verbosity >= 1 a test prints each label's share of the
  // generated cases (Hypothesis's event).
  void Event(std::string_view label) { events_.emplace(label); }
  // Records `value` for `label` (the last value in a case counts); the
  // statistics print its minimum, mean and maximum over the cases.
  void Event(std::string_view label, double value) {
    numeric_events_[std::string(label)] = value;
  }
  // Steers generation toward higher `score` for `label`.
  void Target(double score, std::string label = "") {
    targets_.emplace_back(std::move(label), score);
  }

  // The typed choices every generator bottoms out in; each is recorded with
  // its bounds, so the engine can shrink it. A custom generator draws with
  // these (inside Draw or Span, so that its draws form one span).
  int64_t DrawInteger(int64_t min, int64_t max);  // in [min, max]
  double DrawFloat(double min, double max, bool allow_nan, bool allow_infinity);
  bool DrawBoolean(double probability);  // true with `probability`
  std::string DrawBytes(uint32_t min_size, uint32_t max_size);

  // How many choices this case has drawn so far: the position the next
  // one takes. A span that refers to another (protocol::UsesSpanLabel, a
  // stateful step using a pool value) names it by its start.
  size_t choices_drawn() const;

  // This case's size in (0, 1] under the engine's size schedule, or
  // protocol::kNoSize (negative) when the engine sends none; collections and
  // recursive generators grow with it (protocol/size_schedule.h).
  double Size() const;

  // Whether the draws and notes of this run are reported: the final replay
  // of a minimal failure, or an explicit example.
  bool final_run() const { return recording_; }
  // 1-based, when this run is an explicit example; 0 otherwise.
  size_t explicit_example() const { return example_number_; }
  // The most steps a stateful program runs (Settings::max_steps); set by
  // the runner before the body starts.
  uint32_t max_steps() const { return max_steps_; }
  void set_max_steps(uint32_t steps) { max_steps_ = steps; }

  // An isolated case (isolated_case.h) tells its parent every draw, span,
  // printed draw and note through `journal`; internal.
  void set_journal(internal::CaseJournal* journal) { journal_ = journal; }

  const std::vector<DrawnValue>& draws() const { return draws_; }
  const std::vector<std::string>& notes() const { return notes_; }
  const std::set<std::string>& events() const { return events_; }
  const std::map<std::string, double>& numeric_events() const {
    return numeric_events_;
  }
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

  template <typename T>
  T FromExample(std::string_view name) {
    T value = example_->Get<T>(example_draws_++, name, example_number_);
    Record(name, value);
    return value;
  }

  template <typename T>
  void Record(std::string_view name, const T& value) {
    if (!recording_) return;
    std::string shown(name);
    if (shown.empty()) shown = "draw " + std::to_string(draws_.size() + 1);
    draws_.push_back(DrawnValue{std::move(shown), Print(value)});
    if (journal_ != nullptr) JournalDraw(draws_.back());
  }
  void JournalDraw(const DrawnValue& draw);

  protocol::ChoiceSource* const source_;
  const bool recording_;
  const Example* const example_ = nullptr;
  const size_t example_number_ = 0;
  size_t example_draws_ = 0;  // values of the example taken so far
  uint32_t max_steps_ = kDefaultMaxSteps;
  internal::CaseJournal* journal_ = nullptr;
  int depth_ = 0;
  std::vector<DrawnValue> draws_;
  std::vector<std::string> notes_;
  std::set<std::string> events_;
  std::map<std::string, double> numeric_events_;
  std::vector<std::pair<std::string, double>> targets_;
};

}  // namespace lockstep

#endif  // LOCKSTEP_CLIENT_TEST_CASE_H_
