/*
 * Registry of the service workers a network session knows about. Lookups
 * scan the registrations under the lock with an algorithm predicate.
 */

#include <wtf/Lock.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace WebKit {

struct ServiceWorkerRegistration {
    uint64_t identifier { 0 };
    std::string scope;
    std::string scriptURL;
    bool isActive { false };
};

class ServiceWorkerRegistry {
public:
    void add(ServiceWorkerRegistration&& registration)
    {
        Locker locker { m_lock };
        registration.identifier = ++m_lastIdentifier;
        m_registrations.push_back(std::move(registration));
    }

    // Returns the identifier of the registration whose scope is the longest
    // prefix of url, or 0.
    uint64_t match(const std::string& url)
    {
        Locker locker { m_lock };
        const ServiceWorkerRegistration* best = nullptr;
        for (auto& registration : m_registrations) {
            if (!registration.isActive || url.compare(0, registration.scope.size(), registration.scope))
                continue;
            if (!best || registration.scope.size() > best->scope.size())
                best = &registration;
        }
        return best ? best->identifier : 0;
    }

    bool activate(uint64_t identifier)
    {
        Locker locker { m_lock };
        auto it = std::find_if(m_registrations.begin(), m_registrations.end(), [&](auto& registration) {
            return registration.identifier == identifier && registration.scope != m_disabledScope;
        });
        if (it == m_registrations.end())
            return false;
        it->isActive = true;
        return true;
    }

    void disableScope(const std::string& scope)
    {
        Locker locker { m_lock };
        m_disabledScope = scope;
        m_registrations.erase(std::remove_if(m_registrations.begin(), m_registrations.end(), [&](auto& registration) {
            return registration.scope == m_disabledScope;
        }), m_registrations.end());
    }

    size_t size()
    {
        Locker locker { m_lock };
        return m_registrations.size();
    }

private:
    Lock m_lock;
    std::vector<ServiceWorkerRegistration> m_registrations WTF_GUARDED_BY_LOCK(m_lock);
    std::string m_disabledScope WTF_GUARDED_BY_LOCK(m_lock);
    uint64_t m_lastIdentifier WTF_GUARDED_BY_LOCK(m_lock) { 0 };
};

} // namespace WebKit
