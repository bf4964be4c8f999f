// A glyph strike cache in the style of Skia's SkStrikeCache: strikes live in
// an LRU list whose bookkeeping is guarded by fLock. Purging of old strikes is
// pushed to a task group so the raster thread does not pay for it.
#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <unordered_map>

#include "mock/sk_mutex.h"
#include "mock/sk_task_group.h"

struct SkStrikeSpec {
    std::string fFontKey;
    size_t fBytesEstimate;
};

class SkStrike {
public:
    explicit SkStrike(const SkStrikeSpec& spec) : fSpec(spec) {}
    size_t memoryUsed() const { return fSpec.fBytesEstimate; }
    const std::string& key() const { return fSpec.fFontKey; }

private:
    const SkStrikeSpec fSpec;
};

class SkStrikeCacheLite {
public:
    explicit SkStrikeCacheLite(SkExecutor& executor) : fPurgeTasks(executor) {}

    std::shared_ptr<SkStrike> findOrCreateStrike(const SkStrikeSpec& spec) {
        SkAutoMutexExclusive ac(fLock);
        auto it = fStrikes.find(spec.fFontKey);
        if (it != fStrikes.end()) {
            return it->second;
        }
        auto strike = std::make_shared<SkStrike>(spec);
        fStrikes.emplace(spec.fFontKey, strike);
        fTotalMemoryUsed += strike->memoryUsed();
        fCacheCount += 1;
        if (fTotalMemoryUsed > fCacheSizeLimit) {
            fPurgeTasks.add([this] { this->purgeAll(); });
        }
        return strike;
    }

    void setCacheSizeLimit(size_t limit) {
        SkAutoMutexExclusive ac(fLock);
        fCacheSizeLimit = limit;
    }

    void purgeAll() {
        SkAutoMutexExclusive ac(fLock);
        fStrikes.clear();
        fTotalMemoryUsed = 0;
        fCacheCount = 0;
    }

    void dumpStats() {
        fPurgeTasks.add([this] {
            std::printf("strike cache: %d strikes\n", fCacheCount);  // EXPECT: concurrency-unguarded-field
        });
        std::printf("strike cache: %zu bytes used\n", fTotalMemoryUsed);  // EXPECT: concurrency-unguarded-field
    }

private:
    SkMutex fLock;
    std::unordered_map<std::string, std::shared_ptr<SkStrike>> fStrikes SK_GUARDED_BY(fLock);
    size_t fTotalMemoryUsed SK_GUARDED_BY(fLock) = 0;
    int32_t fCacheCount SK_GUARDED_BY(fLock) = 0;
    size_t fCacheSizeLimit SK_GUARDED_BY(fLock) = 2 * 1024 * 1024;
    SkTaskGroup fPurgeTasks;
};
