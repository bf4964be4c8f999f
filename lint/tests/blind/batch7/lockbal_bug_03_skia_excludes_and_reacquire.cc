// A trace event buffer in the style of Skia's SkEventTracer implementations:
// events are appended under fMutex and flushed to the sink when the buffer
// fills. flush() takes fMutex itself and is declared SK_EXCLUDES(fMutex).

#include <cstdint>
#include <string>
#include <vector>

#include "mock/sk_mutex.h"

struct SkTraceEventLite {
    std::string fName;
    uint64_t fTimestampNs;
};

class SkTraceSink {
public:
    virtual ~SkTraceSink() = default;
    virtual void write(const std::vector<SkTraceEventLite>& events) = 0;
};

class SkTraceEventBuffer {
public:
    explicit SkTraceEventBuffer(SkTraceSink* sink) : fSink(sink) {}

    void addEvent(SkTraceEventLite event) {
        SkAutoMutexExclusive lock(fMutex);
        fEvents.push_back(std::move(event));
        if (fEvents.size() >= kFlushThreshold) {
            this->flush();  // EXPECT: concurrency-lock-balance
        }
    }

    void flush() SK_EXCLUDES(fMutex) {
        std::vector<SkTraceEventLite> events;
        {
            SkAutoMutexExclusive lock(fMutex);
            events.swap(fEvents);
        }
        fSink->write(events);
    }

    void reset() {
        SkAutoMutexExclusive lock(fMutex);
        fEvents.clear();
        SkAutoMutexExclusive statsLock(fMutex);  // EXPECT: concurrency-lock-balance
        fDroppedEvents = 0;  // EXPECT: concurrency-unguarded-field
    }

    void dropOldest() {
        SkAutoMutexExclusive lock(fMutex);
        if (!fEvents.empty()) {
            fEvents.erase(fEvents.begin());
            SkAutoMutexExclusive statsLock(fStatsMutex);
            fDroppedEvents++;
        }
    }

private:
    static constexpr size_t kFlushThreshold = 4096;

    SkTraceSink* const fSink;
    SkMutex fMutex;
    SkMutex fStatsMutex;
    std::vector<SkTraceEventLite> fEvents SK_GUARDED_BY(fMutex);
    uint64_t fDroppedEvents SK_GUARDED_BY(fStatsMutex) = 0;
};
