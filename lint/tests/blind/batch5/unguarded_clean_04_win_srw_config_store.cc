// Runtime configuration store for the Windows service build.

#include "mock/windows_sync.h"

#include <map>
#include <string>
#include <vector>

namespace svc {

class ConfigStore {
 public:
  ConfigStore() {
    InitializeSRWLock(&m_lock);
    InitializeCriticalSection(&m_historyCs);
    m_revision = 0;
  }

  ~ConfigStore() { DeleteCriticalSection(&m_historyCs); }

  void Set(const std::string& key, const std::string& value) {
    AcquireSRWLockExclusive(&m_lock);
    m_values[key] = value;
    DWORD revision = ++m_revision;
    ReleaseSRWLockExclusive(&m_lock);

    EnterCriticalSection(&m_historyCs);
    m_history.push_back(key + "@" + std::to_string(revision));
    if (m_history.size() > 64) m_history.erase(m_history.begin());
    LeaveCriticalSection(&m_historyCs);
  }

  BOOL Get(const std::string& key, std::string* value) {
    BOOL found = FALSE;
    AcquireSRWLockShared(&m_lock);
    auto it = m_values.find(key);
    if (it != m_values.end()) {
      *value = it->second;
      found = TRUE;
    }
    ReleaseSRWLockShared(&m_lock);
    return found;
  }

  DWORD Revision() {
    AcquireSRWLockShared(&m_lock);
    DWORD revision = m_revision;
    ReleaseSRWLockShared(&m_lock);
    return revision;
  }

  std::vector<std::string> History() {
    EnterCriticalSection(&m_historyCs);
    std::vector<std::string> copy = m_history;
    LeaveCriticalSection(&m_historyCs);
    return copy;
  }

  // Drops every value. The revision keeps counting so that watchers that
  // compare revisions still see a change.
  void Clear() {
    AcquireSRWLockExclusive(&m_lock);
    m_values.clear();
    ++m_revision;
    ReleaseSRWLockExclusive(&m_lock);
  }

 private:
  SRWLOCK m_lock;
  std::map<std::string, std::string> m_values;
  DWORD m_revision;

  CRITICAL_SECTION m_historyCs;
  std::vector<std::string> m_history;
};

}  // namespace svc
