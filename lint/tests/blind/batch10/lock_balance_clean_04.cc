// Replication queue pull loop in the style of ClickHouse's
// ReplicatedMergeTreeQueue: each entry is examined under the queue mutex and
// executed without it. Scoped guards keep every path balanced.
#include <cstdint>
#include <list>
#include <string>
#include <vector>

#include "tsa_mutex.h"

namespace DB {

enum class LogEntryType { GET_PART, MERGE_PARTS, DROP_RANGE, MUTATE_PART };

struct LogEntry {
  std::string znode_name;
  LogEntryType type = LogEntryType::GET_PART;
  std::string new_part_name;
  bool currently_executing = false;
  int num_tries = 0;
};

class ReplicationQueue {
 public:
  void push(LogEntry entry)
  {
    TSALockGuard lock(state_mutex);
    queue.push_back(std::move(entry));
  }

  /// Executes every entry that is ready; returns how many were executed.
  size_t processReady(size_t max_entries)
  {
    size_t executed = 0;
    for (size_t attempt = 0; attempt < max_entries; ++attempt)
    {
      LogEntry selected;
      {
        TSALockGuard lock(state_mutex);
        auto it = findReadyLocked();
        if (it == queue.end())
          break;
        if (it->num_tries > max_tries)
        {
          queue.erase(it);
          ++dropped;
          continue;
        }
        it->currently_executing = true;
        ++it->num_tries;
        selected = *it;
      }

      const bool ok = execute(selected);

      TSALockGuard lock(state_mutex);
      finishLocked(selected.znode_name, ok);
      if (ok)
        ++executed;
    }
    return executed;
  }

  size_t size() const
  {
    TSALockGuard lock(state_mutex);
    return queue.size();
  }

 private:
  std::list<LogEntry>::iterator findReadyLocked() TSA_REQUIRES(state_mutex)
  {
    for (auto it = queue.begin(); it != queue.end(); ++it)
      if (!it->currently_executing)
        return it;
    return queue.end();
  }

  void finishLocked(const std::string & znode, bool ok) TSA_REQUIRES(state_mutex)
  {
    for (auto it = queue.begin(); it != queue.end(); ++it)
    {
      if (it->znode_name != znode)
        continue;
      if (ok)
        queue.erase(it);
      else
        it->currently_executing = false;
      return;
    }
  }

  static bool execute(const LogEntry & entry)
  {
    LOG_INFO("ReplicationQueue", "Executing " << entry.znode_name);
    return entry.type != LogEntryType::DROP_RANGE || !entry.new_part_name.empty();
  }

  static constexpr int max_tries = 5;
  mutable TSAMutex state_mutex;
  std::list<LogEntry> queue TSA_GUARDED_BY(state_mutex);
  uint64_t dropped TSA_GUARDED_BY(state_mutex) = 0;
};

}
