// A prepared-statement cache for a SQLite-backed metadata store. Several
// request threads share one cache; SQLite's own mutex API protects it so the
// store works the same whether SQLite is built threadsafe or not.
#include <cstdint>
#include <cstdio>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

#include "sqlite3.h"

namespace metastore {

struct PreparedStatement {
  std::string sql;
  void* handle = nullptr;  // sqlite3_stmt*, opaque here
  int64_t uses = 0;
};

class StatementCache {
 public:
  explicit StatementCache(size_t capacity)
      : capacity_(capacity), mutex_(sqlite3_mutex_alloc(SQLITE_MUTEX_FAST)) {}

  ~StatementCache() {
    for (PreparedStatement& s : lru_) sqlite3_free(s.handle);
    sqlite3_mutex_free(mutex_);
  }

  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // Returns a cached statement for `sql`, preparing one on a miss.
  int Acquire(const std::string& sql, PreparedStatement* out) {
    sqlite3_mutex_enter(mutex_);
    auto it = index_.find(sql);
    if (it != index_.end()) {
      lru_.splice(lru_.begin(), lru_, it->second);
      ++it->second->uses;
      ++hits_;
      *out = *it->second;
      sqlite3_mutex_leave(mutex_);
      return SQLITE_OK;
    }
    ++misses_;
    PreparedStatement stmt;
    stmt.sql = sql;
    stmt.handle = sqlite3_malloc(64);
    if (stmt.handle == nullptr) {
      sqlite3_mutex_leave(mutex_);
      return SQLITE_NOMEM;
    }
    lru_.push_front(stmt);
    index_[sql] = lru_.begin();
    if (lru_.size() > capacity_) EvictLast();
    *out = stmt;
    sqlite3_mutex_leave(mutex_);
    return SQLITE_OK;
  }

  void Invalidate(const std::string& sql) {
    sqlite3_mutex_enter(mutex_);
    auto it = index_.find(sql);
    if (it != index_.end()) {
      sqlite3_free(it->second->handle);
      lru_.erase(it->second);
      index_.erase(it);
    }
    sqlite3_mutex_leave(mutex_);
  }

  void ResetCounters() {
    sqlite3_mutex_enter(mutex_);
    hits_ = 0;
    misses_ = 0;
    sqlite3_mutex_leave(mutex_);
  }

  // For the /debug/sql page.
  std::string DebugStats() const {
    char buf[128];
    std::snprintf(buf, sizeof(buf), "hits=%lld misses=%lld cached=%zu", (long long)hits_, (long long)misses_, lru_.size());  // EXPECT: concurrency-unguarded-field
    return buf;
  }

 private:
  void EvictLast() {
    PreparedStatement& victim = lru_.back();
    index_.erase(victim.sql);
    sqlite3_free(victim.handle);
    lru_.pop_back();
  }

  const size_t capacity_;
  sqlite3_mutex* const mutex_;
  std::list<PreparedStatement> lru_;
  std::unordered_map<std::string, std::list<PreparedStatement>::iterator> index_;
  int64_t hits_ = 0;
  int64_t misses_ = 0;
};

// Thin wrapper used by the request handlers.
class MetadataStore {
 public:
  explicit MetadataStore(StatementCache* cache) : cache_(cache) {}

  int LookupOwner(const std::string& table, std::string* owner) {
    PreparedStatement stmt;
    int rc = cache_->Acquire("SELECT owner FROM tables WHERE name = ?1", &stmt);
    if (rc != SQLITE_OK) {
      sqlite3_log(rc, "prepare failed for table %s", table.c_str());
      return rc;
    }
    *owner = "owner-of-" + table;
    return SQLITE_OK;
  }

  void OnSchemaChange() { cache_->Invalidate("SELECT owner FROM tables WHERE name = ?1"); }

 private:
  StatementCache* const cache_;
};

}  // namespace metastore
