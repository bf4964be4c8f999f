// Resource load scheduler for the network process: pages hand it requests,
// the networking thread pulls them in priority order.
#include <algorithm>
#include <cstdint>

#include "wtf_lock.h"

namespace WebKit {

enum class ResourceLoadPriority : uint8_t { VeryLow, Low, Medium, High, VeryHigh };

struct PendingRequest {
  uint64_t identifier { 0 };
  WTF::String url;
  ResourceLoadPriority priority { ResourceLoadPriority::Medium };
};

class ResourceLoadScheduler {
 public:
  void scheduleLoad(PendingRequest&& request)
  {
    Locker locker { m_lock };
    auto position = std::find_if(m_pendingRequests.begin(), m_pendingRequests.end(),
        [&](const PendingRequest& other) { return other.priority < request.priority; });
    m_pendingRequests.insert(position, std::move(request));
  }

  bool takeNextRequest(PendingRequest& out)
  {
    Locker locker { m_lock };
    if (m_pendingRequests.empty())
      return false;
    out = std::move(m_pendingRequests.front());
    m_pendingRequests.erase(m_pendingRequests.begin());
    ++m_dispatchedCount;
    return true;
  }

  void cancelLoad(uint64_t identifier)
  {
    Locker locker { m_lock };
    m_pendingRequests.erase(std::remove_if(m_pendingRequests.begin(), m_pendingRequests.end(),
        [&](const PendingRequest& r) { return r.identifier == identifier; }), m_pendingRequests.end());
  }

  // Used by the page to decide whether to show the spinner.
  bool hasPendingRequests() const
  {
    return !m_pendingRequests.empty(); // EXPECT: concurrency-unguarded-field
  }

  uint64_t dispatchedCount() const
  {
    Locker locker { m_lock };
    return m_dispatchedCount;
  }

 private:
  mutable Lock m_lock;
  WTF::Vector<PendingRequest> m_pendingRequests; // guarded by m_lock
  uint64_t m_dispatchedCount { 0 }; // guarded by m_lock
};

class NetworkLoadThread {
 public:
  explicit NetworkLoadThread(ResourceLoadScheduler& scheduler)
      : m_scheduler(scheduler)
  {
  }

  void runOnce()
  {
    PendingRequest request;
    if (!m_scheduler.takeNextRequest(request))
      return;
    LOG_CHANNEL(Network, "starting load %llu", request.identifier);
    startLoad(request);
  }

 private:
  void startLoad(const PendingRequest& request)
  {
    if (request.url.empty())
      RELEASE_LOG_ERROR(Network, "empty URL for load %llu", request.identifier);
  }

  ResourceLoadScheduler& m_scheduler;
};

} // namespace WebKit
