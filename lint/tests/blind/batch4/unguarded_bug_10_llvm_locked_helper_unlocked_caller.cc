//===- SymbolAddressCache.cpp - Address to symbol lookups ----------------===//
//
// Maps JIT'd code addresses back to symbol names for the profiler. Symbols
// are added by the JIT's compile threads; lookups come from the sampler.
//
//===----------------------------------------------------------------------===//

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "mock/llvm_mutex.h"

namespace llvm {
namespace orc {

class SymbolAddressCache {
public:
  void addSymbol(uint64_t Addr, std::string Name);
  void removeSymbol(uint64_t Addr);
  std::string lookup(uint64_t Addr);
  void reset();

private:
  void invalidateLocked();
  void ensureSortedLocked();

  sys::Mutex Lock;
  std::map<uint64_t, std::string> Symbols;
  std::vector<std::pair<uint64_t, const std::string *>> Sorted;
  bool SortedValid = false;
};

void SymbolAddressCache::addSymbol(uint64_t Addr, std::string Name) {
  sys::ScopedLock L(Lock);
  Symbols[Addr] = std::move(Name);
  invalidateLocked();
}

void SymbolAddressCache::removeSymbol(uint64_t Addr) {
  sys::ScopedLock L(Lock);
  Symbols.erase(Addr);
  invalidateLocked();
}

std::string SymbolAddressCache::lookup(uint64_t Addr) {
  sys::ScopedLock L(Lock);
  ensureSortedLocked();
  auto It = std::upper_bound(
      Sorted.begin(), Sorted.end(), Addr,
      [](uint64_t A, const std::pair<uint64_t, const std::string *> &E) {
        return A < E.first;
      });
  if (It == Sorted.begin())
    return std::string();
  return *std::prev(It)->second;
}

void SymbolAddressCache::reset() {
  Symbols.clear(); // EXPECT: concurrency-unguarded-field
  invalidateLocked();
}

void SymbolAddressCache::invalidateLocked() {
  SortedValid = false; // EXPECT: concurrency-unguarded-field
  Sorted.clear(); // EXPECT: concurrency-unguarded-field
}

void SymbolAddressCache::ensureSortedLocked() {
  if (SortedValid)
    return;
  Sorted.clear();
  for (auto &KV : Symbols)
    Sorted.emplace_back(KV.first, &KV.second);
  SortedValid = true;
}

} // namespace orc
} // namespace llvm
