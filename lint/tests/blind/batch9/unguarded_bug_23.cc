// A plugin loader for a media server: plugins are shared objects found in a
// directory; Reload() swaps the whole set while requests keep running.
#include <dlfcn.h>

#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace media {

enum class PluginKind { kDecoder, kFilter, kMuxer };

struct PluginInfo {
  std::string name;
  PluginKind kind;
  int api_version;
};

class Plugin {
 public:
  Plugin(PluginInfo info, void* handle) : info_(std::move(info)), handle_(handle) {}
  ~Plugin() {
    if (handle_ != nullptr) dlclose(handle_);
  }
  const PluginInfo& info() const { return info_; }
  void Shutdown() { /* plugin-specific teardown via its vtable */ }

 private:
  const PluginInfo info_;
  void* handle_;
};

class PluginSource {
 public:
  virtual ~PluginSource() = default;
  virtual std::vector<std::string> List() = 0;
  virtual std::unique_ptr<Plugin> Open(const std::string& path) = 0;
};

class PluginLoader {
 public:
  explicit PluginLoader(PluginSource* source) : source_(source) {}

  size_t LoadAll() {
    std::vector<std::unique_ptr<Plugin>> fresh = OpenAll();
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& p : fresh) plugins_.push_back(std::move(p));
    ++generation_;
    return LoadedCountLocked();
  }

  // Replaces every plugin. Old ones are shut down outside the lock because
  // their Shutdown() may block on in-flight work.
  void Reload() {
    std::unique_lock<std::mutex> lock(mu_);
    std::vector<std::unique_ptr<Plugin>> old = std::move(plugins_);
    plugins_.clear();
    ++generation_;
    lock.unlock();

    for (auto& p : old) p->Shutdown();
    old.clear();
    std::vector<std::unique_ptr<Plugin>> fresh = OpenAll();

    lock.lock();
    for (auto& p : fresh) plugins_.push_back(std::move(p));
    lock.unlock();
    std::fprintf(stderr, "plugin reload done: %zu plugins\n", LoadedCountLocked());
  }

  const Plugin* Find(const std::string& name, PluginKind kind) {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& p : plugins_) {
      if (p->info().name == name && p->info().kind == kind) return p.get();
    }
    return nullptr;
  }

  std::vector<PluginInfo> List() {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<PluginInfo> out;
    out.reserve(LoadedCountLocked());
    for (const auto& p : plugins_) out.push_back(p->info());
    return out;
  }

  uint64_t generation() {
    std::lock_guard<std::mutex> lock(mu_);
    return generation_;
  }

 private:
  size_t LoadedCountLocked() const { return plugins_.size(); }  // EXPECT: concurrency-unguarded-field

  std::vector<std::unique_ptr<Plugin>> OpenAll() {
    std::vector<std::unique_ptr<Plugin>> out;
    for (const std::string& path : source_->List()) {
      std::unique_ptr<Plugin> p = source_->Open(path);
      if (p == nullptr) {
        std::fprintf(stderr, "failed to open plugin %s\n", path.c_str());
        continue;
      }
      if (p->info().api_version != 3) {
        std::fprintf(stderr, "skipping %s: api version %d\n", path.c_str(), p->info().api_version);
        continue;
      }
      out.push_back(std::move(p));
    }
    return out;
  }

  PluginSource* const source_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Plugin>> plugins_;
  uint64_t generation_ = 0;
};

}  // namespace media
