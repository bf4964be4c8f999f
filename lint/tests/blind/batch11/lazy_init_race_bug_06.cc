// Global configuration-access singleton in the style of LibreOffice's
// unotools: the instance is created under the global mutex, but the
// outer test reads the plain static pointer without it.
#include <map>
#include <string>

#include "osl_mutex.h"

namespace utl {

class ConfigManager {
 public:
  static ConfigManager& get();

  std::string getValue(const std::string& rPath) {
    osl::MutexGuard aGuard(m_aMutex);
    auto it = m_aValues.find(rPath);
    return it == m_aValues.end() ? std::string() : it->second;
  }

  void setValue(const std::string& rPath, const std::string& rValue) {
    osl::MutexGuard aGuard(m_aMutex);
    m_aValues[rPath] = rValue;
  }

 private:
  ConfigManager() = default;

  static ConfigManager* s_pInstance;

  osl::Mutex m_aMutex;
  std::map<std::string, std::string> m_aValues;
};

ConfigManager* ConfigManager::s_pInstance = nullptr;

ConfigManager& ConfigManager::get() {
  if (!s_pInstance) {  // EXPECT: concurrency-lazy-init-race
    osl::MutexGuard aGuard(osl::Mutex::getGlobalMutex());
    if (!s_pInstance) s_pInstance = new ConfigManager;
  }
  return *s_pInstance;
}

}  // namespace utl

std::string readProductName() { return utl::ConfigManager::get().getValue("/Setup/Product/ooName"); }
