// A sharded session map for an API gateway: sessions are spread over 16
// shards, each with its own reader/writer lock, so lookups on different
// shards never contend.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gateway {

using Clock = std::chrono::steady_clock;
using SessionId = uint64_t;

struct Session {
  SessionId id;
  std::string user;
  Clock::time_point last_active;
  std::vector<std::string> scopes;
};
using SessionPtr = std::shared_ptr<Session>;

class ShardedSessionMap {
 public:
  static constexpr size_t kShards = 16;

  void Insert(SessionPtr session) {
    Shard& shard = ShardFor(session->id);
    std::unique_lock<std::shared_mutex> lock(shard.mu);
    shard.sessions[session->id] = std::move(session);
  }

  SessionPtr Find(SessionId id) {
    Shard& shard = ShardFor(id);
    std::shared_lock<std::shared_mutex> lock(shard.mu);
    auto it = shard.sessions.find(id);
    return it == shard.sessions.end() ? nullptr : it->second;
  }

  bool Erase(SessionId id) {
    Shard& shard = ShardFor(id);
    std::unique_lock<std::shared_mutex> lock(shard.mu);
    return shard.sessions.erase(id) > 0;
  }

  // Janitor thread, every minute.
  size_t EvictIdle(Clock::time_point now, std::chrono::seconds max_idle) {
    size_t evicted = 0;
    for (Shard& shard : shards_) {
      std::unique_lock<std::shared_mutex> lock(shard.mu);
      for (auto it = shard.sessions.begin(); it != shard.sessions.end();) {
        if (now - it->second->last_active > max_idle) {
          it = shard.sessions.erase(it);
          ++shard.evictions;
          ++evicted;
        } else {
          ++it;
        }
      }
    }
    return evicted;
  }

  // Admin endpoint: total number of live sessions.
  size_t Size() const {
    size_t n = 0;
    for (const Shard& shard : shards_) {
      n += shard.sessions.size();  // EXPECT: concurrency-unguarded-field
    }
    return n;
  }

  uint64_t TotalEvictions() const {
    uint64_t n = 0;
    for (const Shard& shard : shards_) {
      std::shared_lock<std::shared_mutex> lock(shard.mu);
      n += shard.evictions;
    }
    return n;
  }

  void ForEach(const std::function<void(const Session&)>& fn) const {
    for (const Shard& shard : shards_) {
      std::shared_lock<std::shared_mutex> lock(shard.mu);
      for (const auto& [id, session] : shard.sessions) fn(*session);
    }
  }

 private:
  struct Shard {
    mutable std::shared_mutex mu;
    std::unordered_map<SessionId, SessionPtr> sessions;
    uint64_t evictions = 0;
  };

  Shard& ShardFor(SessionId id) { return shards_[std::hash<SessionId>()(id) % kShards]; }

  std::array<Shard, kShards> shards_;
};

// Issues and validates session tokens on top of the map.
class SessionManager {
 public:
  explicit SessionManager(ShardedSessionMap* map) : map_(map) {}

  SessionPtr Login(const std::string& user, std::vector<std::string> scopes) {
    auto session = std::make_shared<Session>();
    session->id = next_id_.fetch_add(1, std::memory_order_relaxed);
    session->user = user;
    session->last_active = Clock::now();
    session->scopes = std::move(scopes);
    map_->Insert(session);
    return session;
  }

  bool Authorize(SessionId id, const std::string& scope) {
    SessionPtr session = map_->Find(id);
    if (session == nullptr) return false;
    for (const std::string& s : session->scopes) {
      if (s == scope) return true;
    }
    return false;
  }

  std::string Describe() const {
    return std::to_string(map_->Size()) + " sessions, " + std::to_string(map_->TotalEvictions()) +
           " evicted";
  }

 private:
  ShardedSessionMap* const map_;
  std::atomic<SessionId> next_id_{1};
};

}  // namespace gateway
