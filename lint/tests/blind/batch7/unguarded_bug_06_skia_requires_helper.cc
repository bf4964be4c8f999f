// A resource cache in the style of Skia's SkResourceCache: entries are kept
// in LRU order and purged down to the byte budget. The purge helper requires
// the cache lock; the budget setter forgot to take it.
#include <atomic>
#include <cstddef>
#include <list>
#include <string>

#include "mock/sk_mutex.h"

class SkResourceCacheLite {
public:
    struct Rec {
        std::string fKey;
        size_t fBytes;
    };

    void add(std::string key, size_t bytes) {
        SkAutoMutexExclusive ac(fMutex);
        fLRU.push_front(Rec{std::move(key), bytes});
        fTotalBytesUsed += bytes;
        this->purgeAsNeeded();
    }

    bool find(const std::string& key, size_t* bytes) {
        SkAutoMutexExclusive ac(fMutex);
        for (auto it = fLRU.begin(); it != fLRU.end(); ++it) {
            if (it->fKey == key) {
                *bytes = it->fBytes;
                fLRU.splice(fLRU.begin(), fLRU, it);  // move to head
                return true;
            }
        }
        return false;
    }

    size_t setTotalByteLimit(size_t newLimit) {
        size_t prevLimit = fTotalByteLimit.exchange(newLimit, std::memory_order_relaxed);
        if (newLimit < prevLimit) {
            this->purgeAsNeeded();  // EXPECT: concurrency-unguarded-field
        }
        return prevLimit;
    }

    size_t getTotalBytesUsed() {
        SkAutoMutexExclusive ac(fMutex);
        return fTotalBytesUsed;
    }

private:
    void purgeAsNeeded() SK_REQUIRES(fMutex) {
        fMutex.assertHeld();
        const size_t budget = fTotalByteLimit.load(std::memory_order_relaxed);
        while (fTotalBytesUsed > budget && !fLRU.empty()) {
            fTotalBytesUsed -= fLRU.back().fBytes;
            fLRU.pop_back();
        }
    }

    SkMutex fMutex;
    std::list<Rec> fLRU SK_GUARDED_BY(fMutex);
    size_t fTotalBytesUsed SK_GUARDED_BY(fMutex) = 0;
    std::atomic<size_t> fTotalByteLimit{32 * 1024 * 1024};
};
