// A UNO-style event broadcaster in the style of LibreOffice's toolkit
// code: listeners are notified outside the mutex, after the guard has been
// cleared.
#include <memory>
#include <string>
#include <vector>

#include "osl_mutex.h"

typedef int sal_Int32;

namespace svt {

class XModifyListener {
 public:
  virtual ~XModifyListener() = default;
  virtual void modified(const std::string& rSource) = 0;
  virtual void disposing(const std::string& rSource) = 0;
};

class ModifyBroadcaster : public cppu::BaseMutex {
 public:
  explicit ModifyBroadcaster(std::string aName) : m_aName(std::move(aName)) {}

  void addModifyListener(const std::shared_ptr<XModifyListener>& xListener) {
    osl::MutexGuard aGuard(m_aMutex);
    if (m_bDisposed) return;
    m_aListeners.push_back(xListener);
  }

  void setModified() {
    osl::ClearableMutexGuard aGuard(m_aMutex);
    if (m_bDisposed) return;
    ++m_nModifyCount;
    std::vector<std::shared_ptr<XModifyListener>> aCopy(m_aListeners);
    aGuard.clear();
    for (const auto& xListener : aCopy) xListener->modified(m_aName);
  }

  void dispose() {
    osl::ClearableMutexGuard aGuard(m_aMutex);
    if (m_bDisposed) return;
    m_bDisposed = true;
    std::vector<std::shared_ptr<XModifyListener>> aCopy(m_aListeners);
    aGuard.clear();

    for (const auto& xListener : aCopy) xListener->disposing(m_aName);
    m_aListeners.clear();  // EXPECT: concurrency-unguarded-field
  }

  sal_Int32 getModifyCount() const {
    osl::MutexGuard aGuard(m_aMutex);
    return m_nModifyCount;
  }

 private:
  const std::string m_aName;
  std::vector<std::shared_ptr<XModifyListener>> m_aListeners;
  sal_Int32 m_nModifyCount = 0;
  bool m_bDisposed = false;
};

}  // namespace svt
