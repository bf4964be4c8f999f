//===- PassTimingRegistry.cpp - Global registry of pass timers ----------===//
//
// Every pass manager registers its timers here so -time-passes can print
// one report at exit. Pass managers run on the thread pool's threads.
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <map>
#include <string>

#include "mock/llvm_mutex.h"

namespace llvm {

class PassTimingRegistry {
public:
  void record(const std::string &PassName, uint64_t Nanos) {
    sys::ScopedLock Guard(Lock);
    auto &Entry = Timings[PassName];
    Entry.first += Nanos;
    ++Entry.second;
  }

  uint64_t totalNanos(const std::string &PassName) {
    sys::ScopedLock Guard(Lock);
    auto It = Timings.find(PassName);
    return It == Timings.end() ? 0 : It->second.first;
  }

  void clear() {
    sys::ScopedLock Guard(Lock);
    Timings.clear();
  }

private:
  sys::Mutex Lock;
  std::map<std::string, std::pair<uint64_t, uint64_t>> Timings;
};

static PassTimingRegistry *TheRegistry = nullptr;

PassTimingRegistry &getPassTimingRegistry() {
  if (TheRegistry == nullptr) // EXPECT: concurrency-lazy-init-race
    TheRegistry = new PassTimingRegistry();
  return *TheRegistry;
}

void recordPassTime(const std::string &PassName, uint64_t Nanos) {
  getPassTimingRegistry().record(PassName, Nanos);
}

} // namespace llvm
