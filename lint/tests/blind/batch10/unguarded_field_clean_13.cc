// DNS answer cache for the resolver daemon. Readers share the lock; a miss
// takes upgrade ownership (which coexists with readers) to check again and
// upgrades to exclusive only to insert.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "boost_thread.h"
#include "task_runner.h"

namespace resolver {

enum class RecordType { A, AAAA, CNAME, TXT };

struct Answer {
  std::vector<std::string> records;
  uint32_t ttl_seconds = 0;
  int64_t expires_at = 0;
};

class Upstream {
 public:
  virtual ~Upstream() = default;
  virtual runtime::Status Query(const std::string& name, RecordType type, Answer* out) = 0;
};

class AnswerCache {
 public:
  explicit AnswerCache(Upstream* upstream) : upstream_(upstream) {}

  bool Find(const std::string& name, int64_t now, Answer* out) const {
    boost::shared_lock<boost::shared_mutex> lock(mutex_);
    auto it = answers_.find(name);
    if (it == answers_.end() || it->second.expires_at <= now) return false;
    *out = it->second;
    return true;
  }

  runtime::Status Resolve(const std::string& name, RecordType type, int64_t now, Answer* out) {
    if (Find(name, now, out)) return runtime::Status::kOk;
    Answer fresh;
    runtime::Status s = upstream_->Query(name, type, &fresh);
    if (s != runtime::Status::kOk) return s;
    fresh.expires_at = now + fresh.ttl_seconds;

    boost::upgrade_lock<boost::shared_mutex> upgrade(mutex_);
    auto it = answers_.find(name);
    if (it != answers_.end() && it->second.expires_at > now) {
      *out = it->second;  // another thread filled it meanwhile
      return runtime::Status::kOk;
    }
    boost::upgrade_to_unique_lock<boost::shared_mutex> unique(upgrade);
    answers_[name] = fresh;
    ++inserts_;
    *out = fresh;
    return runtime::Status::kOk;
  }

  size_t Purge(int64_t now) {
    boost::unique_lock<boost::shared_mutex> lock(mutex_);
    size_t purged = 0;
    for (auto it = answers_.begin(); it != answers_.end();) {
      if (it->second.expires_at <= now) {
        it = answers_.erase(it);
        ++purged;
      } else {
        ++it;
      }
    }
    return purged;
  }

  uint64_t Inserts() const {
    boost::shared_lock<boost::shared_mutex> lock(mutex_);
    return inserts_;
  }

 private:
  Upstream* const upstream_;
  mutable boost::shared_mutex mutex_;
  std::map<std::string, Answer> answers_;
  uint64_t inserts_ = 0;
};

}  // namespace resolver
