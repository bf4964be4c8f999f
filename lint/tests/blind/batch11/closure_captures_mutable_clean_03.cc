// Replica selector: lambdas that run in place (a sort comparator, a
// condition-variable predicate, a find_if) read the selector's fields on
// the calling thread; the only deferred lambda touches state no other code
// touches.
#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "executor.h"

namespace replicas {

struct Replica {
  std::string address;
  int64_t latency_us;
  bool healthy;
};

class ReplicaSelector {
 public:
  explicit ReplicaSelector(runtime::Executor* executor) : executor_(executor) {}

  void Update(std::vector<Replica> replicas) {
    std::lock_guard<std::mutex> lock(mu_);
    replicas_ = std::move(replicas);
    prefer_local_ = !replicas_.empty() && replicas_.front().address.rfind("local:", 0) == 0;
    ++generation_;
    changed_.notify_all();
  }

  std::vector<Replica> Ranked() {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<Replica> ranked = replicas_;
    std::sort(ranked.begin(), ranked.end(), [this](const Replica& a, const Replica& b) {
      const bool a_local = prefer_local_ && a.address.rfind("local:", 0) == 0;
      const bool b_local = prefer_local_ && b.address.rfind("local:", 0) == 0;
      if (a_local != b_local) return a_local;
      return a.latency_us < b.latency_us;
    });
    return ranked;
  }

  bool WaitForHealthy(uint64_t after_generation) {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [this, after_generation] { return generation_ > after_generation; });
    return std::find_if(replicas_.begin(), replicas_.end(),
                        [](const Replica& r) { return r.healthy; }) != replicas_.end();
  }

  // Called once by the owner at startup.
  void StartProbing() {
    executor_->Post([this] {
      ++probe_rounds_;
      probe_log_.push_back("round " + std::to_string(probe_rounds_));
    });
  }

 private:
  runtime::Executor* const executor_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::vector<Replica> replicas_;
  bool prefer_local_ = false;
  uint64_t generation_ = 0;
  uint64_t probe_rounds_ = 0;
  std::vector<std::string> probe_log_;
};

}  // namespace replicas
