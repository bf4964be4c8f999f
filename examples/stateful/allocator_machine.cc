#include <memory>
#include <ostream>
#include <set>

#include "client/stateful.h"
#include "examples/stateful/allocator.h"
#include "examples/stateful/machines.h"

namespace examples {
namespace {

using lockstep::stateful::Var;

struct AllocatorModel {
  std::set<int> live;
};
void PrintTo(const AllocatorModel& model, std::ostream* out) {
  *out << "live " << lockstep::Print(model.live);
}

}  // namespace

const char kAllocatorMinimal[] =
    "  program (4 steps):\n"
    "    auto h1 = a.Alloc();  // -> 0\n"
    "    a.Free(h1);\n"
    "    auto h2 = a.Alloc();  // -> 0\n"
    "    auto h3 = a.Alloc();  // -> 0  <-- failed\n"
    "  model before the failing step: live {0}";

void AllocatorProgram(lockstep::TestCase& tc, bool buggy) {
  lockstep::stateful::StateMachine<Allocator, AllocatorModel> machine(
      [buggy] { return std::make_unique<Allocator>(buggy); });
  machine.SystemName("a");
  auto& handles = machine.NewPool<int>("h");
  machine.Command<int()>("Alloc")
      .Run([](Allocator& a) { return a.Alloc(); })
      .Into(handles)
      .Post([](const AllocatorModel& before, const int& handle) {
        return before.live.count(handle) == 0;
      })
      .Next(
          [](AllocatorModel& m, const int& handle) { m.live.insert(handle); });
  machine.Command<void(Var<int>)>("Free")
      .Args(handles.Take())
      .Run([](Allocator& a, const Var<int>& h) { a.Free(*h); })
      .Next([](AllocatorModel& m, const Var<int>& h) { m.live.erase(*h); });
  machine.Run(tc);
}

}  // namespace examples
