// Deferred display list recording in the style of Skia's
// GrDeferredDisplayListRecorder: detach() hands the recorded list to the
// caller exactly once. The early-out for a second detach() forgets to
// release the mutex, so every later call deadlocks.

#include <memory>
#include <vector>

#include "mock/sk_mutex.h"

struct SkDrawOpLite {
    int fOpType;
    float fBounds[4];
};

class SkDisplayListLite {
public:
    explicit SkDisplayListLite(std::vector<SkDrawOpLite> ops) : fOps(std::move(ops)) {}
    size_t opCount() const { return fOps.size(); }

private:
    const std::vector<SkDrawOpLite> fOps;
};

class SkDisplayListRecorderLite {
public:
    void record(const SkDrawOpLite& op) {
        SkAutoMutexExclusive lock(fMutex);
        if (!fDetached) {
            fOps.push_back(op);
        }
    }

    std::unique_ptr<SkDisplayListLite> detach() {
        fMutex.acquire();
        if (fDetached) {
            return nullptr;
        }
        fDetached = true;
        std::vector<SkDrawOpLite> ops;
        ops.swap(fOps);
        fMutex.release();
        return std::make_unique<SkDisplayListLite>(std::move(ops));
    }  // EXPECT: concurrency-lock-balance

private:
    SkMutex fMutex;
    std::vector<SkDrawOpLite> fOps SK_GUARDED_BY(fMutex);
    bool fDetached SK_GUARDED_BY(fMutex) = false;
};
