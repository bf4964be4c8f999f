// A transaction memory pool for a Bitcoin-style node. Every field is guarded
// by the pool's recursive mutex; helpers declare the lock they need and
// assert it; the fee estimator reads through copies taken under the lock.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "logging.h"
#include "sync.h"

using Txid = std::string;
using CAmount = int64_t;

//! Global lock over chain state, as in validation.cpp.
GlobalMutex g_chainstate_mutex;
int g_best_height GUARDED_BY(g_chainstate_mutex) = 0;

struct TxEntry {
  Txid txid;
  CAmount fee{0};
  size_t vsize{0};
  int64_t entry_time{0};
  std::set<Txid> parents;
};

struct MempoolInfo {
  size_t count{0};
  size_t total_vsize{0};
  CAmount total_fee{0};
};

class TxMemPool {
 public:
  explicit TxMemPool(size_t max_vsize) : m_max_vsize(max_vsize) {}

  bool AddUnchecked(TxEntry entry) {
    LOCK(cs);
    if (m_entries.count(entry.txid)) return false;
    m_total_vsize += entry.vsize;
    m_total_fee += entry.fee;
    m_by_time.emplace(entry.entry_time, entry.txid);
    const Txid txid = entry.txid;
    m_entries.emplace(txid, std::move(entry));
    ++m_sequence;
    TrimToSize();
    return true;
  }

  void RemoveForBlock(const std::vector<Txid>& confirmed) {
    LOCK(cs);
    for (const Txid& txid : confirmed) RemoveUnchecked(txid);
    LogPrint(BCLog::MEMPOOL, "removed %u confirmed transactions\n", confirmed.size());
  }

  //! Used by the RPC thread and by the fee estimator.
  MempoolInfo GetInfo() const {
    LOCK(cs);
    MempoolInfo info;
    info.count = m_entries.size();
    info.total_vsize = m_total_vsize;
    info.total_fee = m_total_fee;
    return info;
  }

  uint64_t GetSequence() const { return WITH_LOCK(cs, return m_sequence); }

  //! Copies out the entries so the caller can work without the lock.
  std::vector<TxEntry> Snapshot() const {
    LOCK(cs);
    std::vector<TxEntry> out;
    out.reserve(m_entries.size());
    for (const auto& [txid, entry] : m_entries) out.push_back(entry);
    return out;
  }

  bool Exists(const Txid& txid) const {
    LOCK(cs);
    return m_entries.count(txid) != 0;
  }

 private:
  void RemoveUnchecked(const Txid& txid) EXCLUSIVE_LOCKS_REQUIRED(cs) {
    AssertLockHeld(cs);
    auto it = m_entries.find(txid);
    if (it == m_entries.end()) return;
    m_total_vsize -= it->second.vsize;
    m_total_fee -= it->second.fee;
    m_by_time.erase({it->second.entry_time, txid});
    m_entries.erase(it);
    ++m_sequence;
  }

  void TrimToSize() EXCLUSIVE_LOCKS_REQUIRED(cs) {
    AssertLockHeld(cs);
    while (m_total_vsize > m_max_vsize && !m_by_time.empty()) {
      const Txid oldest = m_by_time.begin()->second;
      RemoveUnchecked(oldest);
    }
  }

  const size_t m_max_vsize;
  mutable RecursiveMutex cs;
  std::map<Txid, TxEntry> m_entries GUARDED_BY(cs);
  std::set<std::pair<int64_t, Txid>> m_by_time GUARDED_BY(cs);
  size_t m_total_vsize GUARDED_BY(cs){0};
  CAmount m_total_fee GUARDED_BY(cs){0};
  uint64_t m_sequence GUARDED_BY(cs){0};
};

//! Computes a fee-rate estimate from a snapshot; runs on the scheduler thread.
class FeeEstimator {
 public:
  explicit FeeEstimator(const TxMemPool& pool) : m_pool(pool) {}

  CAmount EstimateFeePerKvB() {
    const int height = WITH_LOCK(g_chainstate_mutex, return g_best_height);
    std::vector<TxEntry> entries = m_pool.Snapshot();
    if (entries.empty()) return 1000;
    CAmount fee = 0;
    size_t vsize = 0;
    for (const TxEntry& e : entries) {
      fee += e.fee;
      vsize += e.vsize;
    }
    m_last_height = height;
    return vsize == 0 ? 1000 : fee * 1000 / static_cast<CAmount>(vsize);
  }

 private:
  const TxMemPool& m_pool;
  int m_last_height{0};  // scheduler thread only
};

void OnBlockConnected(TxMemPool& pool, int height, const std::vector<Txid>& confirmed) {
  {
    LOCK(g_chainstate_mutex);
    g_best_height = height;
  }
  pool.RemoveForBlock(confirmed);
  const MempoolInfo info = pool.GetInfo();
  LogPrintf("height=%d mempool=%u txs\n", height, info.count);
}
