#include "examples/concurrent_stateful/scenarios.h"

#include <deque>
#include <memory>
#include <optional>
#include <ostream>
#include <utility>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "client/concurrent/concurrent_state_machine.h"
#include "client/generators.h"
#include "examples/concurrent_stateful/sized_queue.h"

namespace examples {
namespace {

namespace gen = lockstep::gen;
using lockstep::concurrent::ConcurrentStateMachine;
using lockstep::concurrent::ScenarioShape;

// Models are compared (and hashed) so that the checker memoizes states.
struct CounterModel {
  int value = 0;
  bool operator==(const CounterModel& other) const {
    return value == other.value;
  }
  template <typename H>
  friend H AbslHashValue(H h, const CounterModel& m) {
    return H::combine(std::move(h), m.value);
  }
};
void PrintTo(const CounterModel& model, std::ostream* out) {
  *out << model.value;
}

struct QueueModel {
  std::deque<int> items;
  bool operator==(const QueueModel& other) const {
    return items == other.items;
  }
  template <typename H>
  friend H AbslHashValue(H h, const QueueModel& m) {
    return H::combine(std::move(h), m.items);
  }
};
void PrintTo(const QueueModel& model, std::ostream* out) {
  *out << lockstep::Print(model.items);
}

}  // namespace

void CounterScenario(lockstep::TestCase& tc, CounterKind kind,
                     const ScenarioShape& shape) {
  ConcurrentStateMachine<Counter, CounterModel> machine(
      [kind] { return std::make_unique<Counter>(kind); });
  machine.SystemName("c").Scenarios(shape);
  machine.Command<int()>("Increment")
      .Run([](Counter& c) { return c.Increment(); })
      .Next([](CounterModel& m) { return ++m.value; });
  machine.Command<int(int)>("Add")
      .Args(gen::Integers<int>(1, 3))
      .Run([](Counter& c, int n) { return c.Add(n); })
      .Next([](CounterModel& m, int n) { return m.value += n; });
  machine.Command<int()>("Get")
      .Run([](Counter& c) { return c.Get(); })
      .Next([](CounterModel& m) { return m.value; });
  machine.Invariant("the count is the model's",
                    [](const CounterModel& m, const Counter& c) {
                      return c.Get() == m.value;
                    });
  machine.Run(tc);
}

void QueueScenario(lockstep::TestCase& tc, bool size_race,
                   const ScenarioShape& shape, bool slow_calls) {
  ConcurrentStateMachine<SizedQueue, QueueModel> machine(
      [size_race, slow_calls] {
        return std::make_unique<SizedQueue>(size_race, slow_calls);
      });
  machine.SystemName("q").Scenarios(shape);
  machine.Command<void(int)>("Push")
      .Args(gen::Integers<int>(0, 9))
      .Run([](SizedQueue& q, int x) { q.Push(x); })
      .Next([](QueueModel& m, int x) { m.items.push_back(x); });
  machine.Command<std::optional<int>()>("Pop")
      .Run([](SizedQueue& q) { return q.Pop(); })
      .Next([](QueueModel& m) -> std::optional<int> {
        if (m.items.empty()) return std::nullopt;
        int front = m.items.front();
        m.items.pop_front();
        return front;
      });
  machine.Command<int()>("Size")
      .Run([](const SizedQueue& q) { return q.Size(); })
      .Next([](QueueModel& m) { return static_cast<int>(m.items.size()); });
  machine.Run(tc);
}

std::string ScenarioOf(const std::string& message) {
  std::vector<std::string> lines = absl::StrSplit(message, '\n');
  std::string out;
  bool in = false;
  for (const std::string& line : lines) {
    if (line == "  scenario:") {
      in = true;
      continue;
    }
    if (in && !absl::StartsWith(line, "    ")) break;
    if (in) out += line + "\n";
  }
  return out;
}

ScenarioSize SizeOf(const std::string& table) {
  ScenarioSize size;
  enum { kNone, kPrefix, kThreads, kSuffix } part = kNone;
  for (absl::string_view line : absl::StrSplit(table, '\n')) {
    if (line.empty()) continue;
    if (line == "    prefix:") {
      part = kPrefix;
    } else if (line == "    suffix:") {
      part = kSuffix;
    } else if (absl::StartsWith(line, "    thread ")) {
      part = kThreads;
      size.threads =
          std::vector<absl::string_view>(absl::StrSplit(line, " | ")).size();
    } else if (part == kPrefix) {
      ++size.prefix;
    } else if (part == kSuffix) {
      ++size.suffix;
    } else if (part == kThreads) {
      for (absl::string_view cell : absl::StrSplit(line, " | ")) {
        if (!absl::StripAsciiWhitespace(cell).empty()) ++size.parallel;
      }
    }
  }
  return size;
}

}  // namespace examples
