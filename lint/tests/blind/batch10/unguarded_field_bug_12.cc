// Plugin registry for the desktop client. Plugins are (re)loaded from disk in
// the background; loading can take seconds, so the mutex is dropped while a
// plugin's library is opened.
#include <string>
#include <vector>

#include "qt_core.h"

namespace client {

enum class PluginState { Unloaded, Loading, Ready, Broken };

struct PluginInfo {
  QString name;
  QString libraryPath;
  PluginState state = PluginState::Unloaded;
};

class PluginLoader {
 public:
  virtual ~PluginLoader() = default;
  virtual bool open(const QString& path, QString* error) = 0;
};

class PluginRegistry {
 public:
  explicit PluginRegistry(PluginLoader* loader) : loader_(loader) {}

  void add(const PluginInfo& info) {
    QMutexLocker locker(&mutex_);
    plugins_.push_back(info);
  }

  int loadedCount() {
    QMutexLocker locker(&mutex_);
    return loadedCount_;
  }

  void reset() {
    QMutexLocker locker(&mutex_);
    for (PluginInfo& p : plugins_) p.state = PluginState::Unloaded;
    loadedCount_ = 0;
  }

  // Background thread: (re)load every plugin that is not ready.
  void reloadAll() {
    QMutexLocker locker(&mutex_);
    std::vector<PluginInfo> toLoad;
    for (PluginInfo& p : plugins_) {
      if (p.state != PluginState::Ready) {
        p.state = PluginState::Loading;
        toLoad.push_back(p);
      }
    }
    for (const PluginInfo& p : toLoad) {
      locker.unlock();
      QString error;
      const bool ok = loader_->open(p.libraryPath, &error);
      if (ok) {
        ++loadedCount_;  // EXPECT: concurrency-unguarded-field
      } else {
        qWarning() << "plugin " << p.name << " failed: " << error;
      }
      locker.relock();
      setStateLocked(p.name, ok ? PluginState::Ready : PluginState::Broken);
    }
  }

  std::vector<QString> brokenPlugins() {
    QMutexLocker locker(&mutex_);
    std::vector<QString> out;
    for (const PluginInfo& p : plugins_) {
      if (p.state == PluginState::Broken) out.push_back(p.name);
    }
    return out;
  }

 private:
  // Caller holds mutex_.
  void setStateLocked(const QString& name, PluginState state) {
    for (PluginInfo& p : plugins_) {
      if (p.name == name) p.state = state;
    }
  }

  PluginLoader* const loader_;
  QMutex mutex_;
  std::vector<PluginInfo> plugins_;
  int loadedCount_ = 0;
};

}  // namespace client
