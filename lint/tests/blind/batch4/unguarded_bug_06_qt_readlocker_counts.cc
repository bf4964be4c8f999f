// Process-wide settings registry. Reads vastly outnumber writes, hence the
// read/write lock.

#include <map>
#include <utility>

#include "mock/qt_mutex.h"

class SettingsRegistry {
 public:
  QString value(const QString& key, const QString& defaultValue = QString());
  void setValue(const QString& key, const QString& value);
  void remove(const QString& key);
  bool contains(const QString& key);

  // Diagnostics page: how often each key was looked up.
  std::map<QString, int> lookupStatistics();
  void resetLookupStatistics();

 private:
  QReadWriteLock m_lock;
  std::map<QString, QString> m_values;
  std::map<QString, int> m_lookups;
};

QString SettingsRegistry::value(const QString& key, const QString& defaultValue) {
  QReadLocker locker(&m_lock);
  auto it = m_values.find(key);
  ++m_lookups[key];  // EXPECT: concurrency-unguarded-field
  if (it == m_values.end()) return defaultValue;
  return it->second;
}

void SettingsRegistry::setValue(const QString& key, const QString& value) {
  QWriteLocker locker(&m_lock);
  m_values[key] = value;
}

void SettingsRegistry::remove(const QString& key) {
  QWriteLocker locker(&m_lock);
  m_values.erase(key);
  m_lookups.erase(key);
}

bool SettingsRegistry::contains(const QString& key) {
  QReadLocker locker(&m_lock);
  return m_values.count(key) != 0;
}

std::map<QString, int> SettingsRegistry::lookupStatistics() {
  QReadLocker locker(&m_lock);
  return m_lookups;
}

void SettingsRegistry::resetLookupStatistics() {
  QWriteLocker locker(&m_lock);
  m_lookups.clear();
}

SettingsRegistry* settingsRegistry() {
  static SettingsRegistry registry;
  return &registry;
}
