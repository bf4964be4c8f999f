// Glyph path cache in the style of Skia's SkScalerCache: the common case is
// a hit under the shared lock; a miss releases the shared lock, takes the
// exclusive one and checks again before inserting.

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "mock/sk_mutex.h"

struct SkGlyphPathLite {
    std::string fVerbs;
};

std::unique_ptr<SkGlyphPathLite> SkGeneratePath(uint16_t glyphID);

class SkGlyphPathCache {
public:
    const SkGlyphPathLite* findOrCreate(uint16_t glyphID) {
        fLock.acquireShared();
        auto it = fPaths.find(glyphID);
        if (it != fPaths.end()) {
            const SkGlyphPathLite* path = it->second.get();
            fLock.releaseShared();
            return path;
        }
        fLock.releaseShared();

        std::unique_ptr<SkGlyphPathLite> generated = SkGeneratePath(glyphID);
        SkAutoSharedMutexExclusive lock(fLock);
        auto [pos, inserted] = fPaths.emplace(glyphID, std::move(generated));
        if (inserted) {
            fPathCount++;
        }
        return pos->second.get();
    }

    int pathCount() {
        SkAutoSharedMutexShared lock(fLock);
        return fPathCount;
    }

private:
    SkSharedMutex fLock;
    std::unordered_map<uint16_t, std::unique_ptr<SkGlyphPathLite>> fPaths SK_GUARDED_BY(fLock);
    int fPathCount SK_GUARDED_BY(fLock) = 0;
};
