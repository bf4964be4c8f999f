// Configuration write-back in the style of LibreOffice's configmgr access
// objects: pending changes are swapped out under the mutex, written to the
// backend without it (the backend may call back), and the counters updated
// after the guard is reset.

#include <string>
#include <vector>

#include "mock/osl_mutex.h"

typedef std::u16string OUString;
typedef int sal_Int32;

struct ConfigChange
{
    OUString aPath;
    OUString aValue;
};

class XChangesListener
{
public:
    virtual ~XChangesListener() = default;
    virtual void changesOccurred(const std::vector<ConfigChange>& rChanges) = 0;
};

bool writeToBackend(const ConfigChange& rChange);

class ConfigurationUpdateAccess
{
public:
    void replaceByName(const OUString& rPath, const OUString& rValue)
    {
        osl::MutexGuard aGuard(m_aMutex);
        m_aPendingChanges.push_back(ConfigChange{ rPath, rValue });
    }

    void addChangesListener(XChangesListener* pListener)
    {
        osl::MutexGuard aGuard(m_aMutex);
        m_aListeners.push_back(pListener);
    }

    void commitChanges()
    {
        osl::ResettableMutexGuard aGuard(m_aMutex);
        std::vector<ConfigChange> aChanges;
        aChanges.swap(m_aPendingChanges);
        std::vector<XChangesListener*> aListeners(m_aListeners);
        aGuard.clear();

        sal_Int32 nFailed = 0;
        for (const ConfigChange& rChange : aChanges)
        {
            if (!writeToBackend(rChange))
                ++nFailed;
        }
        for (XChangesListener* pListener : aListeners)
            pListener->changesOccurred(aChanges);

        aGuard.reset();
        m_nCommitted += static_cast<sal_Int32>(aChanges.size()) - nFailed;
        m_nFailed += nFailed;
    }

    sal_Int32 getCommittedCount() const
    {
        osl::MutexGuard aGuard(m_aMutex);
        return m_nCommitted;
    }

    sal_Int32 getFailedCount() const
    {
        osl::MutexGuard aGuard(m_aMutex);
        return m_nFailed;
    }

private:
    mutable osl::Mutex m_aMutex;
    std::vector<ConfigChange> m_aPendingChanges;
    std::vector<XChangesListener*> m_aListeners;
    sal_Int32 m_nCommitted = 0;
    sal_Int32 m_nFailed = 0;
};
