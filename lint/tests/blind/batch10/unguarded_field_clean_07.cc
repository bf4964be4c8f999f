// Pass timing registry for the optimizer pipeline: every pass reports its
// wall time; the driver prints the table at exit. Shared by the threads of
// a parallel code generator.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "llvm_mutex.h"

namespace llvm {

enum class TimerGroupKind { Analysis, Transform, CodeGen };

struct PassTiming {
  uint64_t TotalNanos = 0;
  unsigned Runs = 0;
  TimerGroupKind Kind = TimerGroupKind::Transform;
};

class PassTimingRegistry {
public:
  void record(StringRef Pass, TimerGroupKind Kind, uint64_t Nanos) {
    sys::SmartScopedLock<true> Guard(RegistryMutex);
    PassTiming &T = getOrCreateLocked(Pass, Kind);
    T.TotalNanos += Nanos;
    ++T.Runs;
    TotalNanos += Nanos;
  }

  void recordBatch(const std::vector<std::pair<std::string, uint64_t>> &Batch) {
    sys::SmartScopedLock<true> Guard(RegistryMutex);
    for (const auto &[Name, Nanos] : Batch) {
      PassTiming &T = getOrCreateLocked(Name, TimerGroupKind::Transform);
      T.TotalNanos += Nanos;
      ++T.Runs;
      TotalNanos += Nanos;
    }
  }

  void print(raw_ostream &OS) {
    sys::SmartScopedLock<true> Guard(RegistryMutex);
    OS << "===- Pass execution timing report -===\n";
    for (const auto &[Name, T] : Timings) {
      OS << Name << ": " << T.TotalNanos << "ns over " << T.Runs << " runs\n";
    }
    OS << "total: " << TotalNanos << "ns\n";
  }

  void reset() {
    sys::SmartScopedLock<true> Guard(RegistryMutex);
    Timings.clear();
    TotalNanos = 0;
  }

private:
  /// Returns the entry for \p Pass, creating it if needed.
  /// Must be called with RegistryMutex held.
  PassTiming &getOrCreateLocked(StringRef Pass, TimerGroupKind Kind) {
    auto [It, Inserted] = Timings.try_emplace(std::string(Pass));
    if (Inserted)
      It->second.Kind = Kind;
    return It->second;
  }

  sys::SmartMutex<true> RegistryMutex;
  std::map<std::string, PassTiming> Timings;
  uint64_t TotalNanos = 0;
};

class TimedPass {
public:
  TimedPass(PassTimingRegistry &Registry, std::string Name)
      : Registry(Registry), Name(std::move(Name)) {}

  Error run(unsigned Iterations) {
    if (Iterations == 0)
      return Error::make("pass " + Name + " asked to run zero times");
    uint64_t Elapsed = 0;
    for (unsigned I = 0; I < Iterations; ++I)
      Elapsed += 1000 + I;
    Registry.record(Name, TimerGroupKind::Transform, Elapsed);
    return Error::success();
  }

private:
  PassTimingRegistry &Registry;
  std::string Name;
};

} // namespace llvm
