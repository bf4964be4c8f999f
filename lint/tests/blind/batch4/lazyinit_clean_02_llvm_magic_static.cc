//===- TargetFeatureTable.cpp - Lazily built feature name table ---------===//
//
// The table is built the first time it is needed; codegen threads call
// lookupFeature() concurrently.
//
//===----------------------------------------------------------------------===//

#include <map>
#include <string>
#include <vector>

#include "mock/llvm_mutex.h"

namespace llvm {

struct FeatureInfo {
  unsigned Bit;
  std::vector<std::string> Implies;
};

class FeatureTable {
public:
  FeatureTable() {
    Features["sse2"] = {0, {}};
    Features["sse4.2"] = {1, {"sse2"}};
    Features["avx"] = {2, {"sse4.2"}};
    Features["avx2"] = {3, {"avx"}};
  }

  const FeatureInfo *find(const std::string &Name) const {
    auto It = Features.find(Name);
    return It == Features.end() ? nullptr : &It->second;
  }

private:
  std::map<std::string, FeatureInfo> Features;
};

static const FeatureTable &getFeatureTable() {
  static const FeatureTable *Table = new FeatureTable();
  return *Table;
}

static const std::vector<std::string> &getDefaultFeatures() {
  static const std::vector<std::string> Defaults = {"sse2", "sse4.2"};
  return Defaults;
}

class FeatureResolver {
public:
  bool enable(const std::string &Name) {
    const FeatureInfo *Info = getFeatureTable().find(Name);
    if (!Info)
      return false;
    sys::ScopedLock Guard(Lock);
    Enabled |= 1u << Info->Bit;
    return true;
  }

  void enableDefaults() {
    for (const std::string &Name : getDefaultFeatures())
      enable(Name);
  }

  unsigned enabledMask() {
    sys::ScopedLock Guard(Lock);
    return Enabled;
  }

private:
  sys::Mutex Lock;
  unsigned Enabled = 0;
};

} // namespace llvm
