// Network load statistics for the web process. Byte counters are atomics so
// that the inspector can read them from any thread; the per-origin table is
// protected by the lock.
#include <atomic>
#include <cstdint>
#include <map>

#include "wtf_lock.h"

namespace WebKit {

enum class LoadOutcome : uint8_t { Success, Cancelled, Failed };

struct OriginStats {
  uint64_t requests { 0 };
  uint64_t failures { 0 };
};

class NetworkLoadStatistics {
 public:
  void didReceiveBytes(uint64_t count)
  {
    m_bytesReceived.fetch_add(count, std::memory_order_relaxed);
  }

  void didFinishLoad(const WTF::String& origin, LoadOutcome outcome)
  {
    m_loadsFinished.fetch_add(1, std::memory_order_relaxed);
    auto locker = holdLock(m_lock);
    OriginStats& stats = m_origins[origin];
    ++stats.requests;
    if (outcome == LoadOutcome::Failed)
      ++stats.failures;
  }

  uint64_t bytesReceived() const { return m_bytesReceived.load(std::memory_order_relaxed); }
  uint64_t loadsFinished() const { return m_loadsFinished.load(std::memory_order_relaxed); }

  OriginStats statsForOrigin(const WTF::String& origin) const
  {
    auto locker = holdLock(m_lock);
    auto it = m_origins.find(origin);
    if (it == m_origins.end())
      return { };
    return it->second;
  }

  void clearOrigins()
  {
    Locker locker { m_lock };
    m_origins.clear();
  }

  size_t originCount() const
  {
    Locker locker { m_lock };
    return m_origins.size();
  }

 private:
  mutable Lock m_lock;
  std::map<WTF::String, OriginStats> m_origins;
  std::atomic<uint64_t> m_bytesReceived { 0 };
  std::atomic<uint64_t> m_loadsFinished { 0 };
};

class InspectorNetworkAgent {
 public:
  explicit InspectorNetworkAgent(const NetworkLoadStatistics& statistics)
      : m_statistics(statistics)
  {
  }

  WTF::String summary(const WTF::String& origin) const
  {
    OriginStats stats = m_statistics.statsForOrigin(origin);
    return "bytes=" + std::to_string(m_statistics.bytesReceived())
        + " loads=" + std::to_string(m_statistics.loadsFinished())
        + " origin requests=" + std::to_string(stats.requests)
        + " failures=" + std::to_string(stats.failures);
  }

 private:
  const NetworkLoadStatistics& m_statistics;
};

} // namespace WebKit
