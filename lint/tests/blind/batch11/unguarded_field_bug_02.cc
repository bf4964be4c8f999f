// Shader map cache keyed by material hash. Lookups take the read lock,
// inserts the write lock; the stats block is updated alongside.
#include "unreal_core.h"

struct FShaderMapStats {
  int64 Hits = 0;
  int64 Misses = 0;
  int64 Evictions = 0;
};

class FShaderMapCache {
 public:
  bool Find(uint64 Hash, FString& OutBlob) {
    FRWScopeLock Lock(CacheLock, SLT_ReadOnly);
    auto It = Entries.find(Hash);
    if (It == Entries.end()) {
      return false;
    }
    OutBlob = It->second;
    return true;
  }

  void Add(uint64 Hash, const FString& Blob) {
    FWriteScopeLock Lock(CacheLock);
    if (Entries.size() >= MaxEntries) {
      Entries.erase(Entries.begin());
      Stats.Evictions++;
    }
    Entries[Hash] = Blob;
    Stats.Misses++;
  }

  void RecordHit() {
    FWriteScopeLock Lock(CacheLock);
    Stats.Hits++;
  }

  FShaderMapStats GetStats() {
    FReadScopeLock Lock(CacheLock);
    return Stats;
  }

  // Called from the console command "r.ShaderCache.ResetStats".
  void ResetStats() {
    FShaderMapStats& S = Stats;  // EXPECT: concurrency-unguarded-field
    S.Hits = 0;
    S.Misses = 0;
    S.Evictions = 0;
  }

 private:
  const size_t MaxEntries = 4096;
  FRWLock CacheLock;
  TMap<uint64, FString> Entries;
  FShaderMapStats Stats;
};
