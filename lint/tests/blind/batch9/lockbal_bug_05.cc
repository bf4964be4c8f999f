// Peer message processing for a Bitcoin-style node: per-peer state is kept
// under m_peer_mutex, which by the node's lock order must be taken before
// cs_main; getdata handling optionally takes cs_main when the caller does
// not already hold it.
#include <atomic>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "logging.h"
#include "sync.h"

namespace node {

using NodeId = int64_t;

struct Inv {
  int type;
  std::string hash;
};

struct Peer {
  NodeId id;
  std::deque<Inv> getdata_requests;
  uint64_t blocks_served{0};
};

// Chain state lock, as in validation.h.
Mutex cs_main;
int g_chain_height GUARDED_BY(cs_main) = 0;

class PeerManager {
 public:
  void AddPeer(NodeId id) {
    LOCK(m_peer_mutex);
    m_peers[id] = Peer{id, {}, 0};
  }

  void QueueGetData(NodeId id, const std::vector<Inv>& invs) {
    LOCK(m_peer_mutex);
    auto it = m_peers.find(id);
    if (it == m_peers.end()) return;
    for (const Inv& inv : invs) it->second.getdata_requests.push_back(inv);
  }

  //! Serves queued getdata requests; returns the number of blocks sent.
  int ProcessGetData(NodeId id, int max_blocks) {
    LOCK(cs_main);
    const int height = g_chain_height;
    LOCK(m_peer_mutex);  // EXPECT: concurrency-lock-balance
    auto it = m_peers.find(id);
    if (it == m_peers.end()) return 0;
    int served = 0;
    while (!it->second.getdata_requests.empty() && served < max_blocks) {
      it->second.getdata_requests.pop_front();
      ++served;
    }
    it->second.blocks_served += static_cast<uint64_t>(served);
    LogPrint(BCLog::NET, "served %d blocks to peer=%d at height %d\n", served, id, height);
    return served;
  }

  //! Takes cs_main for a batch of block-index updates; EndBatch() releases it.
  bool BeginBatch() EXCLUSIVE_LOCK_FUNCTION(cs_main) {
    if (m_shutting_down.load()) {
      LogPrintf("not starting a batch during shutdown\n");
      return false;
    }
    cs_main.lock();
    return true;
  }  // EXPECT: concurrency-lock-balance

  void EndBatch() UNLOCK_FUNCTION(cs_main) { cs_main.unlock(); }

  void RemovePeer(NodeId id) {
    LOCK(m_peer_mutex);
    m_peers.erase(id);
  }

 private:
  std::atomic<bool> m_shutting_down{false};
  Mutex m_peer_mutex ACQUIRED_BEFORE(cs_main);
  std::map<NodeId, Peer> m_peers GUARDED_BY(m_peer_mutex);
};

void OnNewBlock(int height) {
  LOCK(cs_main);
  g_chain_height = height;
}

//! Re-queues every request of a peer that disconnected mid-download.
std::vector<Inv> DrainRequests(std::deque<Inv>& queue, size_t max) {
  std::vector<Inv> out;
  while (!queue.empty() && out.size() < max) {
    out.push_back(queue.front());
    queue.pop_front();
  }
  return out;
}

}  // namespace node
