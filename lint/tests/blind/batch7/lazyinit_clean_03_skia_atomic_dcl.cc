// Lazily created shared objects in the style of Skia's SkColorSpace /
// SkFontMgr singletons: the sRGB color space is a magic static, the default
// font manager pointer is published with release/acquire ordering behind a
// double check, and the per-manager fallback cache is filled under the lock.

#include <atomic>
#include <memory>
#include <string>

#include "mock/sk_mutex.h"

class SkColorSpaceLite {
public:
    explicit SkColorSpaceLite(const char* name) : fName(name) {}
    const std::string& name() const { return fName; }

private:
    const std::string fName;
};

class SkFontMgrLite {
public:
    static SkFontMgrLite* RefDefault();

    std::string fallbackFamily() {
        SkAutoMutexExclusive lock(fMutex);
        if (fFallback == nullptr) {
            fFallback = std::make_unique<std::string>("Roboto");
        }
        return *fFallback;
    }

private:
    SkMutex fMutex;
    std::unique_ptr<std::string> fFallback SK_GUARDED_BY(fMutex);
};

namespace {
std::atomic<SkFontMgrLite*> gDefaultFontMgr{nullptr};
SkMutex gDefaultFontMgrMutex;
}  // namespace

SkFontMgrLite* SkFontMgrLite::RefDefault() {
    SkFontMgrLite* mgr = gDefaultFontMgr.load(std::memory_order_acquire);
    if (mgr == nullptr) {
        SkAutoMutexExclusive lock(gDefaultFontMgrMutex);
        mgr = gDefaultFontMgr.load(std::memory_order_relaxed);
        if (mgr == nullptr) {
            mgr = new SkFontMgrLite();
            gDefaultFontMgr.store(mgr, std::memory_order_release);
        }
    }
    return mgr;
}

const SkColorSpaceLite* SkColorSpaceMakeSRGB() {
    static const SkColorSpaceLite* srgb = new SkColorSpaceLite("sRGB");
    return srgb;
}
