// Session registry for the POCO-based admin server. HTTP request handlers run
// on the server's thread pool and look sessions up concurrently.
#include <ctime>
#include <map>
#include <string>

#include "poco_mutex.h"

namespace Admin {

enum class Role { Viewer, Operator, Administrator };

struct SessionInfo {
  std::string user;
  Role role = Role::Viewer;
  std::time_t created = 0;
  std::time_t lastSeen = 0;
};

class SessionRegistry {
 public:
  SessionRegistry() : _logger(Poco::Logger::get("Admin.Sessions")) {}

  void add(const std::string& id, const SessionInfo& info) {
    Poco::FastMutex::ScopedLock lock(_mutex);
    _sessions[id] = info;
    _logger.information("session opened for " + info.user);
  }

  bool remove(const std::string& id) {
    Poco::FastMutex::ScopedLock lock(_mutex);
    return _sessions.erase(id) > 0;
  }

  void touch(const std::string& id, std::time_t now) {
    Poco::FastMutex::ScopedLock lock(_mutex);
    auto it = _sessions.find(id);
    if (it != _sessions.end()) it->second.lastSeen = now;
  }

  // Returns the session for an id; the handler checks the role on it.
  const SessionInfo& find(const std::string& id) const {
    Poco::FastMutex::ScopedLock lock(_mutex);
    auto it = _sessions.find(id);
    if (it == _sessions.end()) return _anonymous;
    return it->second;  // EXPECT: concurrency-unguarded-field
  }

  int expire(std::time_t now, std::time_t maxIdle) {
    Poco::FastMutex::ScopedLock lock(_mutex);
    int removed = 0;
    for (auto it = _sessions.begin(); it != _sessions.end();) {
      if (now - it->second.lastSeen > maxIdle) {
        it = _sessions.erase(it);
        ++removed;
      } else {
        ++it;
      }
    }
    return removed;
  }

 private:
  mutable Poco::FastMutex _mutex;
  std::map<std::string, SessionInfo> _sessions;
  const SessionInfo _anonymous{};
  Poco::Logger& _logger;
};

class RequestAuthorizer {
 public:
  explicit RequestAuthorizer(SessionRegistry& registry) : _registry(registry) {}

  bool mayRestart(const std::string& sessionId) const {
    const SessionInfo& info = _registry.find(sessionId);
    return info.role == Role::Operator || info.role == Role::Administrator;
  }

  std::string whoIs(const std::string& sessionId) const {
    const SessionInfo& info = _registry.find(sessionId);
    return info.user.empty() ? "anonymous" : info.user;
  }

 private:
  SessionRegistry& _registry;
};

}  // namespace Admin
