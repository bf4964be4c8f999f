// Health probe runner for the load balancer's backend pool.

#include "mock/boost_thread.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace lb {

enum class Health { kUnknown, kHealthy, kDegraded, kDown };

using ProbeFn = std::function<Health(const std::string& backend)>;

struct ProbeOutcome {
  std::string backend;
  Health health = Health::kUnknown;
};

class HealthProber {
 public:
  explicit HealthProber(ProbeFn probe) : probe_(std::move(probe)) {}

  // Probes every backend in parallel. Each thread writes only its own
  // outcome; the outcomes are read after every thread has been joined.
  std::vector<ProbeOutcome> ProbeAll(const std::vector<std::string>& backends) {
    std::vector<ProbeOutcome> outcomes(backends.size());
    std::atomic<int> down{0};

    std::vector<std::thread> workers;
    for (size_t i = 0; i < backends.size(); ++i) {
      ProbeOutcome* slot = &outcomes[i];
      const std::string backend = backends[i];
      workers.emplace_back([this, slot, backend, &down] {
        slot->backend = backend;
        slot->health = probe_(backend);
        if (slot->health == Health::kDown) down.fetch_add(1);
      });
    }
    for (std::thread& t : workers) t.join();

    last_down_ = down.load();
    std::sort(outcomes.begin(), outcomes.end(),
              [this](const ProbeOutcome& a, const ProbeOutcome& b) {
                return Rank(a.health) < Rank(b.health);
              });
    return outcomes;
  }

  // Single backend probe on a helper thread; the result is read after join.
  Health ProbeOne(const std::string& backend) {
    Health result = Health::kUnknown;
    std::thread worker([&result, &backend, this] { result = probe_(backend); });
    worker.join();
    last_single_ = result;
    return result;
  }

  int last_down() const { return last_down_; }

 private:
  int Rank(Health h) const { return h == Health::kDown ? 0 : h == Health::kDegraded ? 1 : 2; }

  const ProbeFn probe_;
  int last_down_ = 0;
  Health last_single_ = Health::kUnknown;
};

}  // namespace lb
