// Health probe runner for the load balancer's backend pool.

#include "mock/boost_thread.h"

#include <chrono>
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
  bool timed_out = false;
};

class HealthProber {
 public:
  explicit HealthProber(ProbeFn probe) : probe_(std::move(probe)) {}

  // Probes the backend on a helper thread so that a hung TCP connect does not
  // stall the caller past the deadline.
  ProbeOutcome ProbeWithDeadline(const std::string& backend,
                                 std::chrono::milliseconds deadline) {
    ProbeOutcome outcome;
    outcome.backend = backend;

    Health result = Health::kUnknown;
    boost::mutex done_mu;
    bool done = false;
    std::thread worker([&] {
      Health h = probe_(backend);
      result = h;  // EXPECT: concurrency-closure-captures-mutable
      boost::lock_guard<boost::mutex> g(done_mu);
      done = true;
    });

    const auto give_up = std::chrono::steady_clock::now() + deadline;
    for (;;) {
      {
        boost::lock_guard<boost::mutex> g(done_mu);
        if (done) break;
      }
      if (std::chrono::steady_clock::now() >= give_up) {
        outcome.timed_out = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (outcome.timed_out) {
      // A backend that answered healthy just past the deadline is degraded,
      // not down.
      outcome.health = result == Health::kHealthy ? Health::kDegraded : Health::kDown;
    } else {
      boost::lock_guard<boost::mutex> g(done_mu);
      outcome.health = result;
    }
    worker.join();
    return outcome;
  }

 private:
  ProbeFn probe_;
};

std::vector<ProbeOutcome> ProbeAll(HealthProber& prober,
                                   const std::vector<std::string>& backends) {
  std::vector<ProbeOutcome> out;
  for (const std::string& b : backends) {
    out.push_back(prober.ProbeWithDeadline(b, std::chrono::milliseconds(250)));
  }
  return out;
}

}  // namespace lb
