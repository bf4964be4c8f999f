#include <map>
#include <memory>
#include <optional>
#include <ostream>

#include "client/generators.h"
#include "client/stateful.h"
#include "examples/stateful/kv_store.h"
#include "examples/stateful/machines.h"

namespace examples {
namespace {

namespace gen = lockstep::gen;

struct KvModel {
  std::map<int, int> entries;
};
void PrintTo(const KvModel& model, std::ostream* out) {
  *out << lockstep::Print(model.entries);
}

}  // namespace

const char kKvStoreMinimal[] =
    "  program (3 steps):\n"
    "    kv.Put(0, 0);\n"
    "    kv.Delete(0);  // -> true\n"
    "    kv.Get(0);  // -> 0  <-- failed\n"
    "  model before the failing step: {}";

void KvStoreProgram(lockstep::TestCase& tc, bool buggy) {
  lockstep::stateful::StateMachine<KvStore, KvModel> machine(
      [buggy] { return std::make_unique<KvStore>(buggy); });
  machine.SystemName("kv");
  auto keys = gen::Integers<int>(0, 3);
  machine.Command<void(int, int)>("Put")
      .Args(keys, gen::Integers<int>(0, 9))
      .Run([](KvStore& kv, int key, int value) { kv.Put(key, value); })
      .Next([](KvModel& m, int key, int value) { m.entries[key] = value; });
  machine.Command<std::optional<int>(int)>("Get")
      .Args(keys)
      .Run([](KvStore& kv, int key) { return kv.Get(key); })
      .Next([](KvModel& m, int key) -> std::optional<int> {
        auto it = m.entries.find(key);
        if (it == m.entries.end()) return std::nullopt;
        return it->second;
      });
  machine.Command<bool(int)>("Delete")
      .Args(keys)
      .Run([](KvStore& kv, int key) { return kv.Delete(key); })
      .Next([](KvModel& m, int key) { return m.entries.erase(key) > 0; });
  machine.Run(tc);
}

}  // namespace examples
