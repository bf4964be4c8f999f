// MIME type database: loaded and extended under the write lock, queried
// under the read lock from every worker.

#include <map>
#include <set>
#include <vector>

#include "mock/qt_mutex.h"

class MimeDatabase {
 public:
  void addType(const QString& mimeType, const std::vector<QString>& suffixes) {
    QWriteLocker locker(&m_lock);
    for (const QString& suffix : suffixes) {
      m_bySuffix[suffix] = mimeType;
    }
    m_types.insert(mimeType);
  }

  void clear() {
    QWriteLocker locker(&m_lock);
    m_bySuffix.clear();
    m_types.clear();
  }

  QString mimeTypeForSuffix(const QString& suffix) {
    QReadLocker locker(&m_lock);
    auto it = m_bySuffix.find(suffix);
    if (it == m_bySuffix.end()) return QString("application/octet-stream");
    return it->second;
  }

  bool isKnownType(const QString& mimeType) {
    QReadLocker locker(&m_lock);
    return m_types.count(mimeType) > 0;
  }

  std::vector<QString> suffixesFor(const QString& mimeType) {
    QReadLocker locker(&m_lock);
    std::vector<QString> out;
    for (auto it = m_bySuffix.begin(); it != m_bySuffix.end(); ++it) {
      if (it->second == mimeType) out.push_back(it->first);
    }
    return out;
  }

  size_t typeCount() {
    QReadLocker locker(&m_lock);
    return m_types.size();
  }

 private:
  QReadWriteLock m_lock;
  std::map<QString, QString> m_bySuffix;
  std::set<QString> m_types;
};
