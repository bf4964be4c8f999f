/*
 * Resource load scheduler of the network process. Requests are admitted per
 * host up to a limit; the scheduler lock is taken and released by hand since
 * admission calls out to the delegate with the lock dropped.
 */

#include <wtf/Lock.h>

#include <cstdint>
#include <map>
#include <string>

namespace WebKit {

class LoadSchedulerDelegate {
public:
    virtual ~LoadSchedulerDelegate() = default;
    virtual bool shouldThrottle(const std::string& host) = 0;
};

class ResourceLoadScheduler {
public:
    explicit ResourceLoadScheduler(LoadSchedulerDelegate& delegate)
        : m_delegate(delegate)
    {
    }

    bool admit(const std::string& host)
    {
        m_lock.lock();
        unsigned& active = m_activePerHost[host];
        if (active >= maxPerHost) {
            ++m_rejected;
            m_lock.unlock();
            return false;
        }
        m_lock.unlock();

        if (m_delegate.shouldThrottle(host))
            return false;

        m_lock.lock();
        ++m_activePerHost[host];
        m_lock.unlock();
        return true;
    }

    void finished(const std::string& host)
    {
        Locker locker { m_lock };
        auto it = m_activePerHost.find(host);
        if (it != m_activePerHost.end() && it->second && !--it->second)
            m_activePerHost.erase(it);
    }

    uint64_t rejected()
    {
        Locker locker { m_lock };
        return m_rejected;
    }

private:
    static constexpr unsigned maxPerHost = 6;

    LoadSchedulerDelegate& m_delegate;
    Lock m_lock;
    std::map<std::string, unsigned> m_activePerHost WTF_GUARDED_BY_LOCK(m_lock);
    uint64_t m_rejected WTF_GUARDED_BY_LOCK(m_lock) { 0 };
};

} // namespace WebKit
