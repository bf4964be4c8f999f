// Seastar style sharded<Service> (stand-in): one instance of Service per shard.
#ifndef SEASTAR_CORE_SHARDED_HH
#define SEASTAR_CORE_SHARDED_HH

#include <memory>
#include <utility>
#include <vector>

#include "seastar/core/future.hh"
#include "seastar/core/smp.hh"

namespace seastar {

template <typename Service>
class sharded {
 public:
  template <typename... Args>
  future<> start(Args&&... args) {
    for (unsigned i = 0; i < smp::count; ++i) {
      instances_.push_back(std::make_unique<Service>(args...));
    }
    return make_ready_future();
  }

  future<> stop() {
    instances_.clear();
    return make_ready_future();
  }

  // The instance that belongs to the calling shard.
  Service& local() { return *instances_[this_shard_id()]; }

  // Runs func(instance) on shard `id`, the instance's owner.
  template <typename Func>
  auto invoke_on(shard_id id, Func&& func) {
    Service& instance = *instances_[id];
    return smp::submit_to(id, [&instance, &func] { return func(instance); });
  }

  template <typename Func>
  future<> invoke_on_all(Func&& func) {
    for (shard_id id = 0; id < instances_.size(); ++id) {
      Service& instance = *instances_[id];
      smp::submit_to(id, [&instance, &func] { func(instance); });
    }
    return make_ready_future();
  }

 private:
  std::vector<std::unique_ptr<Service>> instances_;
};

}  // namespace seastar

#endif  // SEASTAR_CORE_SHARDED_HH
