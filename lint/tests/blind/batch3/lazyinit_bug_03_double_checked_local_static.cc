// Plugin registry singleton with classic double-checked locking on a plain
// function-local static pointer: the unlocked first test races with the
// locked assignment, and nothing orders the object's construction before
// the pointer becomes visible.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace plugins {

class Plugin {
 public:
  virtual ~Plugin() = default;
  virtual std::string Name() const = 0;
};

class PluginRegistry {
 public:
  static PluginRegistry* Get();

  void Register(std::unique_ptr<Plugin> plugin) {
    std::lock_guard<std::mutex> lock(mu_);
    std::string name = plugin->Name();
    plugins_[name] = std::move(plugin);
  }

  Plugin* Find(const std::string& name) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = plugins_.find(name);
    return it == plugins_.end() ? nullptr : it->second.get();
  }

 private:
  PluginRegistry() = default;

  std::mutex mu_;
  std::map<std::string, std::unique_ptr<Plugin>> plugins_;
};

PluginRegistry* PluginRegistry::Get() {
  static PluginRegistry* instance = nullptr;
  static std::mutex init_mu;
  if (instance == nullptr) {  // EXPECT: concurrency-lazy-init-race
    std::lock_guard<std::mutex> lock(init_mu);
    if (instance == nullptr) instance = new PluginRegistry();
  }
  return instance;
}

}  // namespace plugins
