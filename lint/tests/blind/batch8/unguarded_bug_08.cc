/*
 * Storage quota bookkeeping for an origin. The quota manager asks the
 * embedder for more space when a write would exceed the current quota; the
 * embedder call can re-enter, so the lock is dropped for its duration.
 */

#include <wtf/Lock.h>

#include <cstdint>
#include <functional>
#include <string>
#include <utility>

namespace WebCore {

class OriginQuotaManager {
public:
    using IncreaseQuotaFunction = std::function<uint64_t(uint64_t currentQuota, uint64_t requested)>;

    OriginQuotaManager(std::string origin, uint64_t quota, IncreaseQuotaFunction&& increaseQuota)
        : m_origin(std::move(origin))
        , m_quota(quota)
        , m_increaseQuotaFunction(std::move(increaseQuota))
    {
    }

    enum class Decision { Grant, Deny };

    Decision requestSpace(uint64_t size)
    {
        Locker locker { m_lock };
        if (m_usage + size <= m_quota) {
            m_usage += size;
            return Decision::Grant;
        }

        const uint64_t requested = m_usage + size;
        uint64_t newQuota;
        {
            DropLockForScope unlocker(locker);
            newQuota = m_increaseQuotaFunction(m_quota, requested); // EXPECT: concurrency-unguarded-field
        }

        m_quota = newQuota;
        if (m_usage + size > m_quota)
            return Decision::Deny;
        m_usage += size;
        return Decision::Grant;
    }

    void releaseSpace(uint64_t size)
    {
        Locker locker { m_lock };
        m_usage = size > m_usage ? 0 : m_usage - size;
    }

    uint64_t usage()
    {
        Locker locker { m_lock };
        return m_usage;
    }

    const std::string& origin() const { return m_origin; }

private:
    const std::string m_origin;
    Lock m_lock;
    uint64_t m_quota WTF_GUARDED_BY_LOCK(m_lock) { 0 };
    uint64_t m_usage WTF_GUARDED_BY_LOCK(m_lock) { 0 };
    const IncreaseQuotaFunction m_increaseQuotaFunction;
};

} // namespace WebCore
