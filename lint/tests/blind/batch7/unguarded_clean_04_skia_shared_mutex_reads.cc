// A runtime effect registry in the style of Skia's SkRuntimeEffect cache:
// many raster threads look effects up concurrently under the shared lock;
// compilation results are inserted under the exclusive lock. Annotated, and
// clean under clang's -Wthread-safety.

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "mock/sk_mutex.h"

class SkRuntimeEffectLite {
public:
    explicit SkRuntimeEffectLite(std::string sksl) : fSkSL(std::move(sksl)) {}
    const std::string& source() const { return fSkSL; }

private:
    const std::string fSkSL;
};

class SkRuntimeEffectRegistry {
public:
    std::shared_ptr<SkRuntimeEffectLite> find(uint32_t hash) const {
        SkAutoSharedMutexShared lock(fLock);
        auto it = fEffects.find(hash);
        return it == fEffects.end() ? nullptr : it->second;
    }

    std::shared_ptr<SkRuntimeEffectLite> insert(uint32_t hash, std::string sksl) {
        auto effect = std::make_shared<SkRuntimeEffectLite>(std::move(sksl));
        SkAutoSharedMutexExclusive lock(fLock);
        auto [it, inserted] = fEffects.emplace(hash, effect);
        if (inserted) {
            this->noteInsertLocked();
        }
        return it->second;
    }

    int count() const {
        SkAutoSharedMutexShared lock(fLock);
        return static_cast<int>(fEffects.size());
    }

    uint64_t insertCount() const {
        SkAutoSharedMutexShared lock(fLock);
        return fInserts;
    }

private:
    void noteInsertLocked() SK_REQUIRES(fLock) {
        fLock.assertHeld();
        fInserts++;
    }

    mutable SkSharedMutex fLock;
    std::unordered_map<uint32_t, std::shared_ptr<SkRuntimeEffectLite>> fEffects SK_GUARDED_BY(fLock);
    uint64_t fInserts SK_GUARDED_BY(fLock) = 0;
};
