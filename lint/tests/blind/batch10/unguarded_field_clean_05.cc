// Connection pool for the POCO data layer. The pool's name, limits and DSN are
// fixed at construction; the idle list is shared by every request thread.
#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "poco_mutex.h"

namespace Data {

enum class PoolEvent { Created, Reused, Closed, Exhausted };

struct PooledSession {
  int handle = -1;
  std::time_t lastUsed = 0;
};

struct PoolLimits {
  int minSessions = 1;
  int maxSessions = 32;
  int idleSeconds = 60;
};

class SessionPool {
 public:
  SessionPool(std::string name, std::string dsn, PoolLimits limits)
      : _name(std::move(name)), _dsn(std::move(dsn)), _limits(limits),
        _logger(Poco::Logger::get("Data.SessionPool")) {}

  // _name, _dsn and _limits are never written after construction, so these
  // read them without the mutex.
  const std::string& name() const { return _name; }
  int capacity() const { return _limits.maxSessions; }
  std::string describe() const { return _name + " -> " + _dsn; }

  int acquire(std::time_t now) {
    Poco::Mutex::ScopedLock lock(_mutex);
    if (!_idle.empty()) {
      PooledSession s = _idle.back();
      _idle.pop_back();
      ++_events[PoolEvent::Reused];
      ++_inUse;
      return s.handle;
    }
    if (_inUse >= _limits.maxSessions) {
      ++_events[PoolEvent::Exhausted];
      _logger.warning("pool " + _name + " exhausted");
      return -1;
    }
    ++_inUse;
    ++_events[PoolEvent::Created];
    return static_cast<int>(now % 100000) + _inUse;
  }

  void release(int handle, std::time_t now) {
    Poco::Mutex::ScopedLock lock(_mutex);
    --_inUse;
    _idle.push_back(PooledSession{handle, now});
  }

  // Returns a copy of the counter; the map is only read under the lock.
  unsigned eventCount(PoolEvent e) const {
    Poco::Mutex::ScopedLock lock(_mutex);
    auto it = _events.find(e);
    return it == _events.end() ? 0u : it->second;
  }

  int prune(std::time_t now) {
    Poco::Mutex::ScopedLock lock(_mutex);
    std::vector<PooledSession> keep;
    int closed = 0;
    for (const PooledSession& s : _idle) {
      if (now - s.lastUsed > _limits.idleSeconds &&
          static_cast<int>(keep.size()) >= _limits.minSessions) {
        ++closed;
        ++_events[PoolEvent::Closed];
      } else {
        keep.push_back(s);
      }
    }
    _idle.swap(keep);
    return closed;
  }

 private:
  const std::string _name;
  const std::string _dsn;
  const PoolLimits _limits;
  Poco::Logger& _logger;
  mutable Poco::Mutex _mutex;
  std::vector<PooledSession> _idle;
  std::map<PoolEvent, unsigned> _events;
  int _inUse = 0;
};

}  // namespace Data
