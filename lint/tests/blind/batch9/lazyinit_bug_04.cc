// Runtime feature layers in the style of Envoy's runtime loader: static,
// disk and admin layers are merged into a snapshot. The admin layer can be
// changed at any time; the disk layers are loaded the first time any worker
// asks for a value.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "envoy/common/logger.h"
#include "envoy/thread/lock_guard.h"
#include "envoy/thread/thread.h"

namespace Envoy {
namespace Runtime {

struct Layer {
  std::string name;
  std::map<std::string, std::string> values;
};

class LayerSource {
 public:
  virtual ~LayerSource() = default;
  virtual std::vector<Layer> loadDiskLayers() PURE;
};

class RuntimeLoader {
 public:
  RuntimeLoader(LayerSource& source, Layer static_layer)
      : source_(source), static_layer_(std::move(static_layer)) {}

  // Worker threads, on every feature check.
  std::optional<std::string> get(const std::string& key) {
    ensureDiskLayersLoaded();
    {
      Thread::LockGuard lock(admin_mutex_);
      auto it = admin_layer_.find(key);
      if (it != admin_layer_.end()) return it->second;
    }
    for (auto l = disk_layers_.rbegin(); l != disk_layers_.rend(); ++l) {
      auto it = l->values.find(key);
      if (it != l->values.end()) return it->second;
    }
    auto it = static_layer_.values.find(key);
    if (it != static_layer_.values.end()) return it->second;
    return std::nullopt;
  }

  // Merged view of the disk and static layers, built once for the admin /runtime page.
  const std::map<std::string, std::string>& mergedDiskView() {
    ensureDiskLayersLoaded();
    if (merged_view_ == nullptr) {  // EXPECT: concurrency-lazy-init-race
      auto view = std::make_unique<std::map<std::string, std::string>>(static_layer_.values);
      for (const Layer& l : disk_layers_) {
        for (const auto& [k, v] : l.values) (*view)[k] = v;
      }
      merged_view_ = std::move(view);
    }
    return *merged_view_;
  }

  bool featureEnabled(const std::string& key, bool default_value) {
    std::optional<std::string> v = get(key);
    if (!v.has_value()) return default_value;
    return *v == "true" || *v == "1";
  }

  // Admin handler thread.
  void setAdminValue(const std::string& key, std::string value) {
    Thread::LockGuard lock(admin_mutex_);
    admin_layer_[key] = std::move(value);
    ++admin_generation_;
  }

  uint64_t adminGeneration() {
    Thread::LockGuard lock(admin_mutex_);
    return admin_generation_;
  }

 private:
  void ensureDiskLayersLoaded() {
    if (!disk_layers_loaded_) {  // EXPECT: concurrency-lazy-init-race
      disk_layers_ = source_.loadDiskLayers();
      ENVOY_LOG(info, "loaded {} runtime disk layers", disk_layers_.size());
      disk_layers_loaded_ = true;
    }
  }

  LayerSource& source_;
  const Layer static_layer_;
  std::vector<Layer> disk_layers_;
  bool disk_layers_loaded_ = false;
  std::unique_ptr<std::map<std::string, std::string>> merged_view_;

  Thread::MutexBasicLockable admin_mutex_;
  std::map<std::string, std::string> admin_layer_ ABSL_GUARDED_BY(admin_mutex_);
  uint64_t admin_generation_ ABSL_GUARDED_BY(admin_mutex_) = 0;
};

class DirectoryLayerSource : public LayerSource {
 public:
  explicit DirectoryLayerSource(std::vector<std::string> dirs) : dirs_(std::move(dirs)) {}
  std::vector<Layer> loadDiskLayers() override {
    std::vector<Layer> layers;
    for (const std::string& dir : dirs_) {
      Layer layer;
      layer.name = dir;
      layer.values["runtime.dir"] = dir;
      layers.push_back(std::move(layer));
    }
    return layers;
  }

 private:
  const std::vector<std::string> dirs_;
};

}  // namespace Runtime
}  // namespace Envoy
