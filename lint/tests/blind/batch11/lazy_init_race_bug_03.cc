// Erasure-code plugin registry in the style of Ceph's
// ErasureCodePluginRegistry: plugins are registered under the lock, but
// the built-in plugin directory is scanned once, on first lookup, behind a
// plain bool.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ceph_common.h"

class ErasureCodePlugin {
 public:
  virtual ~ErasureCodePlugin() = default;
  virtual int factory(const std::string& profile, std::string* ss) = 0;
};

class ErasureCodePluginRegistry {
 public:
  int add(const std::string& name, std::shared_ptr<ErasureCodePlugin> plugin) {
    std::lock_guard l{lock};
    if (plugins.count(name)) return -17; /* EEXIST */
    plugins[name] = std::move(plugin);
    return 0;
  }

  std::shared_ptr<ErasureCodePlugin> get(const std::string& name) {
    if (!preloaded) {  // EXPECT: concurrency-lazy-init-race
      builtin_names = scan_plugin_directory();
      preloaded = true;
    }
    std::lock_guard l{lock};
    auto it = plugins.find(name);
    return it == plugins.end() ? nullptr : it->second;
  }

  std::vector<std::string> list_builtin() const { return builtin_names; }

 private:
  static std::vector<std::string> scan_plugin_directory() {
    return {"jerasure", "isa", "lrc", "shec", "clay"};
  }

  ceph::mutex lock = ceph::make_mutex("ErasureCodePluginRegistry::lock");
  std::map<std::string, std::shared_ptr<ErasureCodePlugin>> plugins;
  bool preloaded = false;
  std::vector<std::string> builtin_names;
};
