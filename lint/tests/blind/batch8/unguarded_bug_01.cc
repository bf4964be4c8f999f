//===- SymbolCache.cpp - Memoized symbol address lookups ------------------===//
//
// Caches the addresses the JIT linker resolves so that repeated lookups of the
// same external symbol do not walk every loaded dylib again.
//
//===----------------------------------------------------------------------===//

#include "llvm/Support/Mutex.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace llvm {
namespace orc {

class SymbolCache {
public:
  using AddrT = uint64_t;

  explicit SymbolCache(std::string Name) : Name(std::move(Name)) {}

  /// Returns true and sets Addr when Sym was resolved before.
  bool lookup(const std::string &Sym, AddrT &Addr) {
    std::lock_guard<sys::Mutex> Guard(Lock);
    auto I = Symbols.find(Sym);
    if (I == Symbols.end()) {
      ++Misses;
      return false;
    }
    Addr = I->second;
    return true;
  }

  void insert(const std::string &Sym, AddrT Addr) {
    std::lock_guard<sys::Mutex> Guard(Lock);
    Symbols[Sym] = Addr;
  }

  void erase(const std::vector<std::string> &Syms) {
    std::lock_guard<sys::Mutex> Guard(Lock);
    for (const auto &S : Syms)
      Symbols.erase(S);
  }

  size_t size() const { return Symbols.size(); } // EXPECT: concurrency-unguarded-field

  /// Prints the cache for -debug-only=orc.
  void dump(raw_ostream &OS) {
    OS << "SymbolCache '" << Name << "' (" << (unsigned long long)size()
       << " entries)\n";
    for (const auto &KV : Symbols) // EXPECT: concurrency-unguarded-field
      OS << "  " << KV.first << " -> " << (unsigned long long)KV.second << "\n";
    std::lock_guard<sys::Mutex> Guard(Lock);
    OS << "  misses: " << Misses << "\n";
  }

private:
  const std::string Name;
  mutable sys::Mutex Lock;
  std::map<std::string, AddrT> Symbols;
  unsigned Misses = 0;
};

} // namespace orc
} // namespace llvm

using llvm::orc::SymbolCache;

SymbolCache::AddrT resolveOrDefault(SymbolCache &C, const std::string &Sym,
                                    SymbolCache::AddrT Default) {
  SymbolCache::AddrT A;
  if (C.lookup(Sym, A))
    return A;
  C.insert(Sym, Default);
  return Default;
}
