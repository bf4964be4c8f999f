// FrameStatsCollector.cpp
//
// Windows frame-pacing statistics for the compositor. The present thread
// records each frame; the overlay thread reads the aggregated numbers.

#include "win/windows.h"

#include <cstdint>
#include <deque>

namespace compositor {

struct FrameStats {
  uint32_t frames = 0;
  uint32_t missed = 0;
  double averageMs = 0.0;
};

class FrameStatsCollector {
 public:
  FrameStatsCollector() { InitializeCriticalSection(&m_cs); }
  ~FrameStatsCollector() { DeleteCriticalSection(&m_cs); }

  FrameStatsCollector(const FrameStatsCollector&) = delete;
  FrameStatsCollector& operator=(const FrameStatsCollector&) = delete;

  // Present thread.
  void OnFramePresented(double frameMs, double budgetMs) {
    EnterCriticalSection(&m_cs);
    m_recent.push_back(frameMs);
    if (m_recent.size() > kWindow) m_recent.pop_front();
    ++m_frames;
    if (frameMs > budgetMs) ++m_missed;
    LeaveCriticalSection(&m_cs);
  }

  // Overlay thread.
  FrameStats GetStats() {
    FrameStats stats;
    EnterCriticalSection(&m_cs);
    stats.frames = m_frames;
    stats.missed = m_missed;
    LeaveCriticalSection(&m_cs);

    double sum = 0.0;
    for (double ms : m_recent) sum += ms;  // EXPECT: concurrency-unguarded-field
    const size_t n = m_recent.size();  // EXPECT: concurrency-unguarded-field
    stats.averageMs = n == 0 ? 0.0 : sum / n;
    return stats;
  }

  void Reset() {
    EnterCriticalSection(&m_cs);
    m_recent.clear();
    m_frames = 0;
    m_missed = 0;
    LeaveCriticalSection(&m_cs);
  }

 private:
  static constexpr size_t kWindow = 120;

  CRITICAL_SECTION m_cs;
  std::deque<double> m_recent;
  uint32_t m_frames = 0;
  uint32_t m_missed = 0;
};

}  // namespace compositor
