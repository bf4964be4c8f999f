// Lookup table of character-set aliases, built on first use. Queried from
// the parser threads and the main thread.

#include <cstring>
#include <map>
#include <string>

#include "mock/moz_mutex.h"

namespace mozilla {
namespace intl {

class CharsetAliasTable {
 public:
  explicit CharsetAliasTable(std::map<std::string, std::string> aAliases)
      : mAliases(std::move(aAliases)) {}

  bool Lookup(const std::string& aAlias, std::string& aCanonical) const {
    auto it = mAliases.find(aAlias);
    if (it == mAliases.end()) return false;
    aCanonical = it->second;
    return true;
  }
  size_t Count() const { return mAliases.size(); }

 private:
  const std::map<std::string, std::string> mAliases;
};

CharsetAliasTable* BuildAliasTable();

class CharsetAliasService {
 public:
  CharsetAliasService() : mMutex("CharsetAliasService::mMutex") {}
  ~CharsetAliasService() { delete mTable; }

  nsresult GetCanonical(const std::string& aAlias, std::string& aResult) {
    EnsureTable();
    if (!mTable->Lookup(aAlias, aResult)) {
      return NS_ERROR_NOT_AVAILABLE;
    }
    return NS_OK;
  }

  size_t AliasCount() {
    EnsureTable();
    return mTable->Count();
  }

 private:
  void EnsureTable() {
    if (!mTable) {  // EXPECT: concurrency-lazy-init-race
      MutexAutoLock lock(mMutex);
      if (!mTable) {
        mTable = BuildAliasTable();
      }
    }
  }

  Mutex mMutex;
  CharsetAliasTable* mTable = nullptr;
};

}  // namespace intl
}  // namespace mozilla
