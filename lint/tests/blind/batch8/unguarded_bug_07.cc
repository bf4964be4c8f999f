/*
 * NetworkLoadMetrics aggregation for the network process. Bytes are counted
 * on the network thread; the totals are reported to the UI process from a
 * background work queue.
 */

#include <wtf/Lock.h>

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>

namespace WebKit {

class WorkQueue {
public:
    explicit WorkQueue(const char* name) : m_name(name) { }
    void dispatch(std::function<void()>&& function);
    const char* name() const { return m_name; }

private:
    const char* m_name;
};

class NetworkTrafficMonitor {
public:
    explicit NetworkTrafficMonitor(WorkQueue& queue)
        : m_queue(queue)
    {
    }

    void didReceiveBytes(uint64_t pageID, uint64_t bytes)
    {
        Locker locker { m_lock };
        m_bytesPerPage[pageID] += bytes;
        m_pendingBytes += bytes;
        if (m_pendingBytes < reportThreshold)
            return;
        scheduleReport();
    }

    void pageClosed(uint64_t pageID)
    {
        Locker locker { m_lock };
        m_bytesPerPage.erase(pageID);
    }

    uint64_t bytesForPage(uint64_t pageID)
    {
        Locker locker { m_lock };
        auto it = m_bytesPerPage.find(pageID);
        return it == m_bytesPerPage.end() ? 0 : it->second;
    }

    void setReportCallback(std::function<void(uint64_t)>&& callback)
    {
        Locker locker { m_lock };
        m_reportCallback = std::move(callback);
    }

private:
    static constexpr uint64_t reportThreshold = 1 << 20;

    void scheduleReport() WTF_REQUIRES_LOCK(m_lock)
    {
        if (m_reportScheduled)
            return;
        m_reportScheduled = true;
        m_queue.dispatch([this] {
            uint64_t bytes = m_pendingBytes; // EXPECT: concurrency-unguarded-field
            std::function<void(uint64_t)> callback;
            {
                Locker locker { m_lock };
                m_pendingBytes = 0;
                m_reportScheduled = false;
                callback = m_reportCallback;
            }
            if (callback)
                callback(bytes);
        });
    }

    WorkQueue& m_queue;
    Lock m_lock;
    std::unordered_map<uint64_t, uint64_t> m_bytesPerPage WTF_GUARDED_BY_LOCK(m_lock);
    uint64_t m_pendingBytes WTF_GUARDED_BY_LOCK(m_lock) { 0 };
    bool m_reportScheduled WTF_GUARDED_BY_LOCK(m_lock) { false };
    std::function<void(uint64_t)> m_reportCallback WTF_GUARDED_BY_LOCK(m_lock);
};

} // namespace WebKit
