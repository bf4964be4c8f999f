#include <deque>
#include <memory>
#include <optional>
#include <ostream>

#include "client/generators.h"
#include "client/stateful.h"
#include "examples/stateful/bounded_queue.h"
#include "examples/stateful/machines.h"

namespace examples {
namespace {

namespace gen = lockstep::gen;

constexpr size_t kCapacity = 3;

struct QueueModel {
  std::deque<int> items;
};
void PrintTo(const QueueModel& model, std::ostream* out) {
  *out << lockstep::Print(model.items);
}

}  // namespace

const char kQueueMinimal[] =
    "  program (5 steps):\n"
    "    q.Push(0);  // -> true\n"
    "    q.Push(0);  // -> true\n"
    "    q.Push(0);  // -> true\n"
    "    q.Pop();  // -> 0\n"
    "    q.Push(0);  // -> true  <-- invariant 'sizes agree' failed after "
    "this step\n"
    "  model after the failing step: {0, 0, 0}";

void QueueProgram(lockstep::TestCase& tc, bool buggy) {
  lockstep::stateful::StateMachine<BoundedQueue, QueueModel> machine(
      [buggy] { return std::make_unique<BoundedQueue>(kCapacity, buggy); });
  machine.SystemName("q");
  machine.Command<bool(int)>("Push")
      .Args(gen::Integers<int>(0, 9))
      .Run([](BoundedQueue& q, int x) { return q.Push(x); })
      .Next([](QueueModel& m, int x) {
        if (m.items.size() == kCapacity) return false;
        m.items.push_back(x);
        return true;
      });
  machine.Command<std::optional<int>()>("Pop")
      .Run([](BoundedQueue& q) { return q.Pop(); })
      .Next([](QueueModel& m) -> std::optional<int> {
        if (m.items.empty()) return std::nullopt;
        int front = m.items.front();
        m.items.pop_front();
        return front;
      });
  machine.Invariant("sizes agree",
                    [](const QueueModel& m, const BoundedQueue& q) {
                      return q.Size() == m.items.size();
                    });
  machine.Run(tc);
}

}  // namespace examples
