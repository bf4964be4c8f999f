// Deferred display list recording in the style of Skia's
// GrDeferredDisplayListRecorder: detach() takes the mutex by hand (it hands
// the ops out after releasing it) and releases it on every path out,
// including the early-out for a second detach().

#include <memory>
#include <vector>

#include "mock/sk_mutex.h"

struct SkDrawOpRecord {
    int fOpType;
    float fBounds[4];
};

class SkRecordedOps {
public:
    explicit SkRecordedOps(std::vector<SkDrawOpRecord> ops) : fOps(std::move(ops)) {}
    size_t count() const { return fOps.size(); }

private:
    const std::vector<SkDrawOpRecord> fOps;
};

class SkOpRecorder {
public:
    void record(const SkDrawOpRecord& op) {
        SkAutoMutexExclusive lock(fMutex);
        if (!fDetached) {
            fOps.push_back(op);
        }
    }

    std::unique_ptr<SkRecordedOps> detach() {
        fMutex.acquire();
        if (fDetached) {
            fMutex.release();
            return nullptr;
        }
        fDetached = true;
        std::vector<SkDrawOpRecord> ops;
        ops.swap(fOps);
        fMutex.release();
        return std::make_unique<SkRecordedOps>(std::move(ops));
    }

    int opCount() {
        SkAutoMutexExclusive lock(fMutex);
        return static_cast<int>(fOps.size());
    }

private:
    SkMutex fMutex;
    std::vector<SkDrawOpRecord> fOps SK_GUARDED_BY(fMutex);
    bool fDetached SK_GUARDED_BY(fMutex) = false;
};
