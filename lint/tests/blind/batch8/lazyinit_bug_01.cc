//===- TargetRegistryCache.cpp - Per-triple target machine cache ----------===//
//
// The compile server builds one TargetMachine per triple it is asked about
// and reuses it for every later request. Requests run on a thread pool.
//
//===----------------------------------------------------------------------===//

#include "llvm/Support/Mutex.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace llvm {

class TargetMachine {
public:
  explicit TargetMachine(std::string Triple) : Triple(std::move(Triple)) {}
  const std::string &getTriple() const { return Triple; }

private:
  std::string Triple;
};

class DataLayoutCache {
public:
  std::string getDataLayout() const { return "e-m:e-i64:64-n32:64-S128"; }
};

class CompileServerTargets {
public:
  TargetMachine *getOrCreate(const std::string &Triple) {
    std::lock_guard<sys::Mutex> Guard(MachinesLock);
    auto &Slot = Machines[Triple];
    if (!Slot)
      Slot = std::make_unique<TargetMachine>(Triple);
    return Slot.get();
  }

  /// The host's data layout is asked for by every request, so it is created
  /// once, on first use.
  const DataLayoutCache &getHostLayout() {
    if (!HostLayout) // EXPECT: concurrency-lazy-init-race
      HostLayout.reset(new DataLayoutCache());
    return *HostLayout;
  }

  size_t numMachines() {
    std::lock_guard<sys::Mutex> Guard(MachinesLock);
    return Machines.size();
  }

private:
  sys::Mutex MachinesLock;
  std::map<std::string, std::unique_ptr<TargetMachine>> Machines;
  std::unique_ptr<DataLayoutCache> HostLayout;
};

} // namespace llvm

std::string describe(llvm::CompileServerTargets &T, const std::string &Triple) {
  return T.getOrCreate(Triple)->getTriple() + " / " +
         T.getHostLayout().getDataLayout();
}
