/* -*- Mode: C++; tab-width: 8; indent-tabs-mode: nil; c-basic-offset: 2 -*- */
/* Process-wide registry of the memory reporters. Reporters register from any
 * thread; about:memory collects from the main thread. */

#include "mozilla/StaticMutex.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace mozilla {

using MemoryReporter = std::function<int64_t()>;

static StaticMutex sReportersMutex;
static std::map<std::string, MemoryReporter>* sReporters
    MOZ_GUARDED_BY(sReportersMutex) = nullptr;
static uint64_t sGeneration MOZ_GUARDED_BY(sReportersMutex) = 0;

void InitMemoryReporters() {
  StaticMutexAutoLock lock(sReportersMutex);
  if (!sReporters) {
    sReporters = new std::map<std::string, MemoryReporter>();
  }
}

bool RegisterMemoryReporter(const std::string& aName, MemoryReporter aReporter) {
  StaticMutexAutoLock lock(sReportersMutex);
  if (!sReporters) {
    return false;
  }
  (*sReporters)[aName] = std::move(aReporter);
  ++sGeneration;
  return true;
}

int64_t CollectReports(bool aAnonymize, std::string* aSummary) {
  std::map<std::string, MemoryReporter> reporters;
  {
    StaticMutexAutoLock lock(sReportersMutex);
    if (!sReporters) {
      return 0;
    }
    reporters = *sReporters;
  }
  int64_t total = 0;
  for (auto& kv : reporters) {
    const int64_t amount = kv.second();
    total += amount;
    if (!aAnonymize) {
      *aSummary += kv.first + ": " + std::to_string(amount) + "\n";
    }
  }
  return total;
}

uint64_t ReportersGeneration() {
  StaticMutexAutoLock lock(sReportersMutex);
  return sGeneration;
}

}  // namespace mozilla
