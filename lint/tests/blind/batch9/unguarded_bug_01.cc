// Block download scheduling for a Bitcoin-style node: which blocks are in
// flight from which peer, stall detection, and per-peer counters exposed to
// the RPC layer (getpeerinfo).
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "logging.h"
#include "sync.h"

using NodeId = int64_t;
using BlockHash = std::string;  // hex-encoded block hash
using SteadyClock = std::chrono::steady_clock;

namespace node {

enum class DownloadState { kQueued, kInFlight, kReceived, kFailed };

const char* StateName(DownloadState s) {
  switch (s) {
    case DownloadState::kQueued: return "queued";
    case DownloadState::kInFlight: return "in-flight";
    case DownloadState::kReceived: return "received";
    case DownloadState::kFailed: return "failed";
  }
  return "unknown";
}

struct QueuedBlock {
  BlockHash hash;
  NodeId peer{-1};
  DownloadState state{DownloadState::kQueued};
  SteadyClock::time_point requested_at{};
  int attempts{0};
};

struct PeerDownloadStats {
  size_t in_flight{0};
  size_t received{0};
  size_t stalled{0};
};

class BlockDownloadTracker {
 public:
  explicit BlockDownloadTracker(std::chrono::seconds stall_timeout)
      : m_stall_timeout(stall_timeout) {}

  //! Record that we asked `peer` for `hash`. Returns false if another peer has it.
  bool MarkInFlight(const BlockHash& hash, NodeId peer, SteadyClock::time_point now) {
    LOCK(m_mutex);
    auto it = m_blocks.find(hash);
    if (it == m_blocks.end()) {
      it = m_blocks.emplace(hash, QueuedBlock{hash}).first;
    }
    QueuedBlock& block = it->second;
    if (block.state == DownloadState::kInFlight && block.peer != peer) return false;
    block.peer = peer;
    block.state = DownloadState::kInFlight;
    block.requested_at = now;
    ++block.attempts;
    return true;
  }

  void MarkReceived(const BlockHash& hash) {
    LOCK(m_mutex);
    auto it = m_blocks.find(hash);
    if (it == m_blocks.end()) return;
    it->second.state = DownloadState::kReceived;
    m_peer_stats[it->second.peer].received++;
  }

  //! Blocks requested longer ago than the stall timeout; they go back to the queue.
  std::vector<BlockHash> FindStalled(SteadyClock::time_point now) {
    LOCK(m_mutex);
    std::vector<BlockHash> stalled;
    for (auto& [hash, block] : m_blocks) {
      if (block.state != DownloadState::kInFlight) continue;
      if (now - block.requested_at <= m_stall_timeout) continue;
      stalled.push_back(hash);
      m_peer_stats[block.peer].stalled++;
      block.state = DownloadState::kQueued;
      block.peer = -1;
    }
    return stalled;
  }

  void DisconnectPeer(NodeId peer) {
    LOCK(m_mutex);
    for (auto& [hash, block] : m_blocks) {
      if (block.peer == peer && block.state == DownloadState::kInFlight) {
        block.state = DownloadState::kQueued;
        block.peer = -1;
      }
    }
    m_peer_stats.erase(peer);
  }

  //! Number of blocks currently in flight from this peer.
  size_t CountInFlightLocked(NodeId peer) const EXCLUSIVE_LOCKS_REQUIRED(m_mutex) {
    AssertLockHeld(m_mutex);
    size_t n = 0;
    for (const auto& [hash, block] : m_blocks) {
      if (block.peer == peer && block.state == DownloadState::kInFlight) ++n;
    }
    return n;
  }

  bool CanRequestMore(NodeId peer, size_t max_in_flight) const {
    LOCK(m_mutex);
    return CountInFlightLocked(peer) < max_in_flight;
  }

  //! Called from the RPC thread for getpeerinfo.
  PeerDownloadStats GetPeerStats(NodeId peer) const {
    PeerDownloadStats stats;
    {
      LOCK(m_mutex);
      auto it = m_peer_stats.find(peer);
      if (it != m_peer_stats.end()) stats = it->second;
    }
    stats.in_flight = CountInFlightLocked(peer);  // EXPECT: concurrency-unguarded-field
    return stats;
  }

  std::optional<DownloadState> StateOf(const BlockHash& hash) const {
    LOCK(m_mutex);
    auto it = m_blocks.find(hash);
    if (it == m_blocks.end()) return std::nullopt;
    return it->second.state;
  }

 private:
  mutable Mutex m_mutex;
  std::map<BlockHash, QueuedBlock> m_blocks GUARDED_BY(m_mutex);
  std::map<NodeId, PeerDownloadStats> m_peer_stats GUARDED_BY(m_mutex);
  const std::chrono::seconds m_stall_timeout;
};

//! Glue between the message handler and the tracker.
class BlockRequester {
 public:
  BlockRequester(BlockDownloadTracker& tracker, size_t max_per_peer)
      : m_tracker(tracker), m_max_per_peer(max_per_peer) {}

  std::vector<BlockHash> ChooseRequests(NodeId peer, const std::vector<BlockHash>& wanted,
                                        SteadyClock::time_point now) {
    std::vector<BlockHash> out;
    for (const BlockHash& hash : wanted) {
      if (!m_tracker.CanRequestMore(peer, m_max_per_peer)) break;
      if (m_tracker.MarkInFlight(hash, peer, now)) out.push_back(hash);
    }
    if (!out.empty()) {
      LogPrint(BCLog::NET, "requesting %u blocks from peer=%d\n", out.size(), peer);
    }
    return out;
  }

  void OnStallCheck(SteadyClock::time_point now) {
    for (const BlockHash& hash : m_tracker.FindStalled(now)) {
      auto state = m_tracker.StateOf(hash);
      LogPrint(BCLog::NET, "block %s stalled, now %s\n", hash,
               state ? StateName(*state) : "gone");
    }
  }

 private:
  BlockDownloadTracker& m_tracker;
  const size_t m_max_per_peer;
};

}  // namespace node
