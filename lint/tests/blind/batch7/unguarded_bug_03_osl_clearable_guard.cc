// Document event broadcaster in the style of LibreOffice's sfx2
// DocumentEventNotifier. Listeners are called with the mutex released (they
// may call back into the model), so the broadcast copies the container under
// the guard and then clears it.
#include <algorithm>
#include <string>
#include <vector>

#include "mock/osl_mutex.h"

typedef std::u16string OUString;
typedef unsigned int sal_uInt32;

class XDocumentEventListener {
public:
    virtual ~XDocumentEventListener() = default;
    virtual void documentEventOccured(const OUString& rEventName) = 0;
    virtual void disposing() = 0;
};

class DocumentEventBroadcaster {
public:
    void addDocumentEventListener(XDocumentEventListener* pListener)
    {
        osl::MutexGuard aGuard(m_aMutex);
        if (!m_bDisposed)
            m_aListeners.push_back(pListener);
    }

    void removeDocumentEventListener(XDocumentEventListener* pListener)
    {
        osl::MutexGuard aGuard(m_aMutex);
        m_aListeners.erase(std::remove(m_aListeners.begin(), m_aListeners.end(), pListener),
                           m_aListeners.end());
    }

    void notifyDocumentEvent(const OUString& rEventName)
    {
        osl::ClearableMutexGuard aGuard(m_aMutex);
        if (m_bDisposed)
            return;
        std::vector<XDocumentEventListener*> aListeners(m_aListeners);
        aGuard.clear();

        for (XDocumentEventListener* pListener : aListeners)
            pListener->documentEventOccured(rEventName);
        ++m_nBroadcastCount; // EXPECT: concurrency-unguarded-field
    }

    void dispose()
    {
        osl::ClearableMutexGuard aGuard(m_aMutex);
        if (m_bDisposed)
            return;
        m_bDisposed = true;
        aGuard.clear();

        // tell everybody that we are gone, without the mutex: a listener may
        // call removeDocumentEventListener from disposing()
        for (XDocumentEventListener* pListener : m_aListeners) // EXPECT: concurrency-unguarded-field
            pListener->disposing();

        osl::MutexGuard aClearGuard(m_aMutex);
        m_aListeners.clear();
    }

    sal_uInt32 getBroadcastCount() const
    {
        osl::MutexGuard aGuard(m_aMutex);
        return m_nBroadcastCount;
    }

    void resetStatistics()
    {
        osl::MutexGuard aGuard(m_aMutex);
        m_nBroadcastCount = 0;
    }

private:
    mutable osl::Mutex m_aMutex;
    std::vector<XDocumentEventListener*> m_aListeners;
    sal_uInt32 m_nBroadcastCount = 0;
    bool m_bDisposed = false;
};
