// A typeface registry in the style of Skia's SkFontMgr caches: lookups take
// the shared mutex for reading so that text shaping threads can proceed in
// parallel; registration takes it exclusively.
#include <cstdint>
#include <map>
#include <string>

#include "mock/sk_mutex.h"

struct SkTypefaceRecord {
    uint32_t fUniqueID;
    std::string fFamilyName;
    int fWeight;
};

class SkTypefaceRegistry {
public:
    void registerTypeface(const SkTypefaceRecord& rec) {
        SkAutoSharedMutexExclusive lock(fLock);
        fRecords[rec.fFamilyName] = rec;
    }

    bool lookup(const std::string& family, SkTypefaceRecord* out) {
        SkAutoSharedMutexShared lock(fLock);
        auto it = fRecords.find(family);
        if (it == fRecords.end()) {
            return false;
        }
        fLookupHits++;  // EXPECT: concurrency-unguarded-field
        *out = it->second;
        return true;
    }

    // Returns the record for `family`, or nullptr; the pointer stays valid
    // until the family is re-registered.
    const SkTypefaceRecord* findRecord(const std::string& family) {
        SkAutoSharedMutexShared lock(fLock);
        auto it = fRecords.find(family);
        if (it == fRecords.end()) {
            return nullptr;
        }
        return &it->second;  // EXPECT: concurrency-unguarded-field
    }

    uint64_t lookupHits() const {
        SkAutoSharedMutexShared lock(fLock);
        return fLookupHits;
    }

private:
    mutable SkSharedMutex fLock;
    std::map<std::string, SkTypefaceRecord> fRecords SK_GUARDED_BY(fLock);
    uint64_t fLookupHits SK_GUARDED_BY(fLock) = 0;
};
