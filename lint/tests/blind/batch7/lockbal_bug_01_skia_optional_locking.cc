// A path-measure cache in the style of Skia's recorder-side caches. It is
// shared between threads only when created thread-safe; the single-threaded
// recorder skips the mutex. Clang's analysis cannot follow a lock whose
// acquisition depends on a flag: the lock is held on one path only.

#include <cstdint>
#include <unordered_map>

#include "mock/sk_mutex.h"

struct SkPathMeasureEntry {
    float fLength = 0;
    int fContourCount = 0;
};

class SkPathMeasureCache {
public:
    explicit SkPathMeasureCache(bool threadSafe) : fThreadSafe(threadSafe) {}

    void add(uint32_t pathID, const SkPathMeasureEntry& entry) {
        if (fThreadSafe) {
            fMutex.acquire();
        }
        const uint32_t key = pathID;  // EXPECT: concurrency-lock-balance
        fEntries[key] = entry;
        fAdds++;
        if (fThreadSafe) {
            fMutex.release();  // EXPECT: concurrency-lock-balance
        }
    }

    bool find(uint32_t pathID, SkPathMeasureEntry* out) {
        if (fThreadSafe) {
            fMutex.acquire();
        }
        bool found = false;  // EXPECT: concurrency-lock-balance
        auto it = fEntries.find(pathID);
        if (it != fEntries.end()) {
            *out = it->second;
            found = true;
        }
        if (fThreadSafe) {
            fMutex.release();  // EXPECT: concurrency-lock-balance
        }
        return found;
    }

private:
    const bool fThreadSafe;
    SkMutex fMutex;
    std::unordered_map<uint32_t, SkPathMeasureEntry> fEntries;
    int fAdds = 0;
};
