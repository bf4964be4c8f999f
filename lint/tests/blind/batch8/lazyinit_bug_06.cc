// PerfCounters.cpp
//
// Registers the process's performance counter set with the OS the first time
// a counter is touched. Counters are bumped from the renderer's worker threads.

#include "win/windows.h"

#include <cstdint>
#include <cstring>

namespace perf {

enum CounterId { kFramesRendered, kTexturesUploaded, kShaderCacheMisses, kNumCounters };

namespace {

CRITICAL_SECTION g_initLock;
bool g_countersRegistered = false;
LONG g_counterValues[kNumCounters];

struct InitLockInitializer {
  InitLockInitializer() { InitializeCriticalSection(&g_initLock); }
} g_initLockInitializer;

void RegisterCounterSet() {
  // The real implementation calls PerfStartProviderEx/PerfSetCounterSetInfo.
  std::memset(g_counterValues, 0, sizeof(g_counterValues));
}

void EnsureRegistered() {
  if (!g_countersRegistered) {  // EXPECT: concurrency-lazy-init-race
    EnterCriticalSection(&g_initLock);
    if (!g_countersRegistered) {
      RegisterCounterSet();
      g_countersRegistered = true;
    }
    LeaveCriticalSection(&g_initLock);
  }
}

}  // namespace

void Increment(CounterId id, LONG delta) {
  EnsureRegistered();
  g_counterValues[id] += delta;
}

LONG Read(CounterId id) {
  EnsureRegistered();
  return g_counterValues[id];
}

void ResetAll() {
  EnterCriticalSection(&g_initLock);
  for (int i = 0; i < kNumCounters; ++i) g_counterValues[i] = 0;
  LeaveCriticalSection(&g_initLock);
}

}  // namespace perf

void OnFramePresented() {
  perf::Increment(perf::kFramesRendered, 1);
}
