// Discovers codec plugins in the install directory the first time any
// decoder is requested. Requests come from the playback threads.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "mock/qt_mutex.h"

class CodecPlugin {
 public:
  virtual ~CodecPlugin() = default;
  virtual QString name() const = 0;
  virtual bool supports(const QString& mimeType) const = 0;
};

std::vector<std::unique_ptr<CodecPlugin>> loadPluginsFrom(const QString& dir);

class CodecRegistry {
 public:
  explicit CodecRegistry(QString pluginDir) : m_pluginDir(std::move(pluginDir)) {}

  CodecPlugin* pluginFor(const QString& mimeType) {
    ensureLoaded();
    QMutexLocker locker(&m_mutex);
    for (auto& plugin : m_plugins) {
      if (plugin->supports(mimeType)) return plugin.get();
    }
    return nullptr;
  }

  std::vector<QString> pluginNames() {
    ensureLoaded();
    QMutexLocker locker(&m_mutex);
    std::vector<QString> names;
    for (auto& plugin : m_plugins) names.push_back(plugin->name());
    return names;
  }

 private:
  void ensureLoaded() {
    if (!m_loaded) {  // EXPECT: concurrency-lazy-init-race
      std::vector<std::unique_ptr<CodecPlugin>> found = loadPluginsFrom(m_pluginDir);
      QMutexLocker locker(&m_mutex);
      for (auto& plugin : found) m_plugins.push_back(std::move(plugin));
      m_loaded = true;
    }
  }

  const QString m_pluginDir;
  QMutex m_mutex;
  std::vector<std::unique_ptr<CodecPlugin>> m_plugins;
  bool m_loaded = false;
};
