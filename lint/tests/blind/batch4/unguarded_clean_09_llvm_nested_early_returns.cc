//===- TypeUniquer.cpp - Interning of structural type descriptors --------===//
//
// Type descriptors are interned so that equality is pointer equality. The
// context is shared by all compile threads of a module.
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "mock/llvm_mutex.h"

namespace llvm {

class TypeContext {
public:
  struct TypeDesc {
    std::string Name;
    std::vector<const TypeDesc *> Elements;
    unsigned ID;
  };

  const TypeDesc *getOrCreate(const std::string &Name,
                              const std::vector<const TypeDesc *> &Elements);
  const TypeDesc *lookup(const std::string &Name);
  unsigned size();

private:
  // Interning statistics, reported with -stats.
  class Counters {
  public:
    void hit() { ++Hits; }
    void miss() { ++Misses; }
    uint64_t hits() const { return Hits; }
    uint64_t misses() const { return Misses; }

  private:
    uint64_t Hits = 0;
    uint64_t Misses = 0;
  };

  const TypeDesc *createLocked(const std::string &Name,
                               const std::vector<const TypeDesc *> &Elements);

  sys::SmartMutex<true> Lock;
  std::map<std::string, std::unique_ptr<TypeDesc>> Types;
  unsigned NextID = 1;
  Counters Stats;
};

const TypeContext::TypeDesc *
TypeContext::getOrCreate(const std::string &Name,
                         const std::vector<const TypeDesc *> &Elements) {
  sys::SmartScopedLock<true> Guard(Lock);
  auto It = Types.find(Name);
  if (It != Types.end()) {
    Stats.hit();
    return It->second.get();
  }
  if (Name.empty())
    return nullptr;
  Stats.miss();
  return createLocked(Name, Elements);
}

const TypeContext::TypeDesc *
TypeContext::createLocked(const std::string &Name,
                          const std::vector<const TypeDesc *> &Elements) {
  auto Desc = std::make_unique<TypeDesc>();
  Desc->Name = Name;
  Desc->Elements = Elements;
  Desc->ID = NextID++;
  const TypeDesc *Result = Desc.get();
  Types.emplace(Name, std::move(Desc));
  return Result;
}

const TypeContext::TypeDesc *TypeContext::lookup(const std::string &Name) {
  sys::SmartScopedLock<true> Guard(Lock);
  auto It = Types.find(Name);
  if (It == Types.end())
    return nullptr;
  return It->second.get();
}

unsigned TypeContext::size() {
  sys::SmartScopedLock<true> Guard(Lock);
  return static_cast<unsigned>(Types.size());
}

} // namespace llvm
