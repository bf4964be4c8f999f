// Replica probe: checks every replica of a shard in parallel before a
// failover and reports which one is the most caught-up.
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "task_runner.h"

namespace failover {

enum class ReplicaHealth { kHealthy, kLagging, kUnreachable };

struct ReplicaInfo {
  std::string address;
  uint64_t applied_index = 0;
  ReplicaHealth health = ReplicaHealth::kHealthy;
};

class ReplicaClient {
 public:
  virtual ~ReplicaClient() = default;
  virtual runtime::Status AppliedIndex(const std::string& address, uint64_t* index) = 0;
};

struct ProbeReport {
  std::string best_address;
  uint64_t best_index = 0;
  int unreachable = 0;
  std::string last_error;
};

ProbeReport ProbeReplicas(ReplicaClient* client, const std::vector<std::string>& addresses) {
  ProbeReport report;
  std::vector<ReplicaInfo> infos(addresses.size());
  std::mutex best_mu;
  std::string last_error;
  std::vector<std::thread> probes;
  for (size_t i = 0; i < addresses.size(); ++i) {
    probes.emplace_back([&, i] {
      ReplicaInfo& info = infos[i];
      info.address = addresses[i];
      runtime::Status s = client->AppliedIndex(addresses[i], &info.applied_index);
      if (s != runtime::Status::kOk) {
        info.health = ReplicaHealth::kUnreachable;
        last_error = addresses[i] + ": " + runtime::StatusName(s);  // EXPECT: concurrency-closure-captures-mutable
        return;
      }
      std::lock_guard<std::mutex> lock(best_mu);
      if (info.applied_index > report.best_index) {
        report.best_index = info.applied_index;
        report.best_address = info.address;
      }
    });
  }
  for (std::thread& t : probes) t.join();
  for (const ReplicaInfo& info : infos) {
    if (info.health == ReplicaHealth::kUnreachable) ++report.unreachable;
  }
  report.last_error = last_error;
  return report;
}

std::string DescribeProbe(const ProbeReport& r) {
  std::string out = "best=" + (r.best_address.empty() ? std::string("none") : r.best_address) +
                    " index=" + std::to_string(r.best_index) +
                    " unreachable=" + std::to_string(r.unreachable);
  if (!r.last_error.empty()) out += " last_error=\"" + r.last_error + "\"";
  return out;
}


const char* HealthName(ReplicaHealth h) {
  switch (h) {
    case ReplicaHealth::kHealthy: return "healthy";
    case ReplicaHealth::kLagging: return "lagging";
    case ReplicaHealth::kUnreachable: return "unreachable";
  }
  return "?";
}

}  // namespace failover
