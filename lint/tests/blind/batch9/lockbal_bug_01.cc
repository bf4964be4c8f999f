// Outbound connection maintenance for a Bitcoin-style node: the connection
// thread periodically fills empty outbound slots from the address book.
// Part of it uses manual critical sections around code that may bail out.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "logging.h"
#include "sync.h"

namespace net {

enum class ConnectionType { OUTBOUND_FULL_RELAY, BLOCK_RELAY, FEELER, MANUAL };

struct CNode {
  int64_t id;
  std::string addr;
  ConnectionType type;
  bool disconnect{false};
};

class CConnman {
 public:
  explicit CConnman(int max_outbound) : m_max_outbound(max_outbound) {}

  void AddNode(CNode node) {
    LOCK(m_nodes_mutex);
    m_nodes.push_back(node);
  }

  //! One iteration of ThreadOpenConnections.
  void OpenConnectionsStep(const std::vector<std::string>& candidates) {
    if (m_interrupt.load()) return;

    int outbound = 0;
    std::set<std::string> connected;
    ENTER_CRITICAL_SECTION(m_nodes_mutex);
    for (const CNode& node : m_nodes) {
      if (node.disconnect) continue;
      connected.insert(node.addr);
      if (node.type == ConnectionType::OUTBOUND_FULL_RELAY) ++outbound;
    }
    if (outbound >= m_max_outbound) {
      LogPrint(BCLog::NET, "outbound slots full (%d)\n", outbound);
      return;
    }
    LEAVE_CRITICAL_SECTION(m_nodes_mutex);

    for (const std::string& addr : candidates) {
      if (connected.count(addr)) continue;
      if (outbound >= m_max_outbound) break;
      OpenNetworkConnection(addr, ConnectionType::OUTBOUND_FULL_RELAY);
      ++outbound;
    }
  }  // EXPECT: concurrency-lock-balance

  void DisconnectNodes() {
    LOCK(m_nodes_mutex);
    std::vector<CNode> keep;
    for (const CNode& node : m_nodes) {
      if (!node.disconnect) keep.push_back(node);
    }
    m_nodes.swap(keep);
  }

  size_t GetNodeCount() {
    LOCK(m_nodes_mutex);
    return m_nodes.size();
  }

  void Interrupt() { m_interrupt.store(true); }

 private:
  void OpenNetworkConnection(const std::string& addr, ConnectionType type) {
    CNode node{m_next_id.fetch_add(1), addr, type};
    LogPrint(BCLog::NET, "trying connection %s\n", addr);
    AddNode(node);
  }

  const int m_max_outbound;
  std::atomic<bool> m_interrupt{false};
  std::atomic<int64_t> m_next_id{0};
  Mutex m_nodes_mutex;
  std::vector<CNode> m_nodes GUARDED_BY(m_nodes_mutex);
};

void ThreadOpenConnections(CConnman& connman, const std::vector<std::string>& seeds,
                           const std::atomic<bool>& interrupt) {
  while (!interrupt.load()) {
    connman.OpenConnectionsStep(seeds);
    connman.DisconnectNodes();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
}

}  // namespace net
