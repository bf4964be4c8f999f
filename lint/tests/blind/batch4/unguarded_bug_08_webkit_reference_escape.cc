// Per-process record of which registrable domains were seen as prevalent
// resources. Written by the network process IPC thread, read by the UI.

#include <string>
#include <unordered_set>
#include <vector>

#include "mock/webkit_lock.h"

namespace WebKit {

using RegistrableDomain = std::string;

class PrevalentResourceRegistry {
 public:
  void addPrevalentDomain(const RegistrableDomain&);
  void removeDomains(const std::vector<RegistrableDomain>&);
  bool isPrevalent(const RegistrableDomain&);
  const std::unordered_set<RegistrableDomain>& prevalentDomains();
  void clear();

 private:
  Lock m_lock;
  std::unordered_set<RegistrableDomain> m_prevalentDomains;
  unsigned m_generation { 0 };
};

void PrevalentResourceRegistry::addPrevalentDomain(const RegistrableDomain& domain)
{
    Locker locker { m_lock };
    if (m_prevalentDomains.insert(domain).second)
        ++m_generation;
}

void PrevalentResourceRegistry::removeDomains(const std::vector<RegistrableDomain>& domains)
{
    LockHolder locker(m_lock);
    for (auto& domain : domains)
        m_prevalentDomains.erase(domain);
    ++m_generation;
}

bool PrevalentResourceRegistry::isPrevalent(const RegistrableDomain& domain)
{
    Locker locker { m_lock };
    return m_prevalentDomains.count(domain);
}

const std::unordered_set<RegistrableDomain>& PrevalentResourceRegistry::prevalentDomains()
{
    Locker locker { m_lock };
    return m_prevalentDomains; // EXPECT: concurrency-unguarded-field
}

void PrevalentResourceRegistry::clear()
{
    Locker locker { m_lock };
    m_prevalentDomains.clear();
    ++m_generation;
}

} // namespace WebKit
