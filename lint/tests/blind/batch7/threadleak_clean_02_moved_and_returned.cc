// Replica catch-up of a replicated log: one fetcher thread per lagging
// replica. The threads are moved into the caller's vector or returned to
// the caller, who joins them.

#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "mock/replog.h"


namespace replog {

// Starts a fetcher for every lagging replica; the caller joins them.
void StartCatchUp(const std::vector<ReplicaLag>& lagging, std::vector<std::thread>* fetchers) {
  for (const ReplicaLag& lag : lagging) {
    std::thread fetcher(&FetchAndApply, lag.replica, lag.from_index);
    fetchers->push_back(std::move(fetcher));
  }
}

std::thread StartSnapshotTransfer(const std::string& replica) {
  std::thread transfer([replica] { FetchAndApply(replica, 0); });
  return transfer;
}

void CatchUpAll(const std::vector<ReplicaLag>& lagging, const std::string& snapshot_replica) {
  std::vector<std::thread> fetchers;
  StartCatchUp(lagging, &fetchers);
  std::thread snapshot = StartSnapshotTransfer(snapshot_replica);
  for (std::thread& fetcher : fetchers) {
    fetcher.join();
  }
  snapshot.join();
}

// Hands the fetchers to a caller-owned pool that joins them on shutdown.
void StartCatchUpInto(const std::vector<ReplicaLag>& lagging,
                      void (*adopt)(std::thread fetcher)) {
  for (const ReplicaLag& lag : lagging) {
    std::thread fetcher(&FetchAndApply, lag.replica, lag.from_index);
    adopt(std::move(fetcher));
  }
}

}  // namespace replog
