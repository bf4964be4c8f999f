// Symbol cache for the JIT linker: maps mangled names to resolved addresses.
// Lookups come from every compile thread; the prefetcher warms it from the
// symbol server in the background.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "llvm_mutex.h"

namespace llvm {
namespace orc {

enum class SymbolFlags : uint8_t { None = 0, Exported = 1, Weak = 2, Callable = 4 };

struct SymbolEntry {
  uint64_t Address = 0;
  SymbolFlags Flags = SymbolFlags::None;
};

class SymbolCache {
public:
  bool lookup(StringRef Name, SymbolEntry &Out) {
    std::lock_guard<sys::SmartMutex<true>> Guard(CacheMutex);
    const SymbolEntry *E = findLocked(Name);
    if (!E) {
      ++Misses;
      return false;
    }
    Out = *E;
    return true;
  }

  void insert(StringRef Name, SymbolEntry Entry) {
    std::lock_guard<sys::SmartMutex<true>> Guard(CacheMutex);
    Entries[std::string(Name)] = Entry;
  }

  // Warms the cache for names the symbol server says are hot. Only inserts
  // names that are missing, so the lookup can skip the lock.
  void prefetch(const std::vector<std::string> &HotNames,
                const std::map<std::string, uint64_t> &Resolved) {
    for (const std::string &Name : HotNames) {
      if (findLocked(Name))
        continue;
      auto It = Resolved.find(Name);
      if (It == Resolved.end())
        continue;
      insert(Name, SymbolEntry{It->second, SymbolFlags::Exported});
    }
  }

  unsigned misses() {
    std::lock_guard<sys::SmartMutex<true>> Guard(CacheMutex);
    return Misses;
  }

  void dump(raw_ostream &OS) {
    std::lock_guard<sys::SmartMutex<true>> Guard(CacheMutex);
    OS << "symbol cache: " << static_cast<unsigned long>(Entries.size())
       << " entries, " << Misses << " misses\n";
  }

private:
  // Caller holds CacheMutex.
  const SymbolEntry *findLocked(StringRef Name) const {
    auto It = Entries.find(std::string(Name)); // EXPECT: concurrency-unguarded-field
    return It == Entries.end() ? nullptr : &It->second; // EXPECT: concurrency-unguarded-field
  }

  sys::SmartMutex<true> CacheMutex;
  std::map<std::string, SymbolEntry> Entries;
  unsigned Misses = 0;
};

class SymbolPrefetcher {
public:
  explicit SymbolPrefetcher(SymbolCache &Cache) : Cache(Cache) {}

  Error run(const std::vector<std::string> &Names) {
    if (Names.empty())
      return Error::make("nothing to prefetch");
    std::map<std::string, uint64_t> Resolved;
    uint64_t Next = 0x1000;
    for (const std::string &N : Names)
      Resolved[N] = Next += 0x40;
    Cache.prefetch(Names, Resolved);
    return Error::success();
  }

private:
  SymbolCache &Cache;
};

} // namespace orc
} // namespace llvm
